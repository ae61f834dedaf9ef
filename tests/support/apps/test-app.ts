import type { Framework as FrameworkName } from '../../../dev/sam-model/frameworks';
import type { App } from '../../../shared';

export type { Framework as FrameworkName } from '../../../dev/sam-model/frameworks';

/** An app built with `createApp(testRoutes)` from functions/<framework>/app.ts. */
export interface TestApp {
  readonly framework: FrameworkName;
  readonly app: App;
  /** How many requests reached a test route: a bad event must not add to it. */
  readonly stats: { received: number };
}
