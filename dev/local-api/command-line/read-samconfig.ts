import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'smol-toml';
import { isRecord } from '../../sam-model/is-record';

/** The parameters a samconfig.toml gives `sam local start-api`, and which of them are the command's own. */
export interface SamconfigParameters {
  file: string | undefined;
  /** `[<env>.global.parameters]`, then `[<env>.local_start_api.parameters]` over it. */
  values: Record<string, unknown>;
  /** Keys from the command's own table: a key the local API does not know is worth a note; a global one is not. */
  ownKeys: ReadonlySet<string>;
}

const COMMAND_TABLE = 'local_start_api';

function parametersOf(document: Record<string, unknown>, env: string, table: string): Record<string, unknown> {
  const section = document[env];
  const command = isRecord(section) ? section[table] : undefined;
  const parameters = isRecord(command) ? command['parameters'] : undefined;
  return isRecord(parameters) ? parameters : {};
}

/**
 * Reads `[<env>.local_start_api.parameters]` as the SAM CLI does (`--config-env`, default
 * `default`; `--config-file`, default `samconfig.toml` in the folder the command runs from). A
 * missing default file gives nothing; a missing named file, or a named env the file lacks, is an error.
 */
export function readSamconfig(configFile: string | undefined, configEnv: string | undefined): SamconfigParameters {
  const file = resolve(configFile ?? 'samconfig.toml');
  if (!existsSync(file)) {
    if (configFile !== undefined) throw new Error(`--config-file ${file}: no such file`);
    return { file: undefined, values: {}, ownKeys: new Set() };
  }
  let document: Record<string, unknown>;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid TOML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const env = configEnv ?? 'default';
  if (configEnv !== undefined && !isRecord(document[env])) throw new Error(`--config-env ${env}: ${file} has no [${env}.*] tables`);
  const own = parametersOf(document, env, COMMAND_TABLE);
  return { file, values: { ...parametersOf(document, env, 'global'), ...own }, ownKeys: new Set(Object.keys(own)) };
}
