import { installRuntimeClient } from '../../dev/runtime-client/install-runtime-client';

/** Installs the client once before any test file starts, so parallel workers never build it twice. */
export default async function globalSetup(): Promise<void> {
  await installRuntimeClient();
}
