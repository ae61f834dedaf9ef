import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from '../console/logger';
import { expandBareInspect, FUNCTION_FLAGS, FUNCTION_FLAGS_USAGE, readFunctionFlags } from '../local-functions/function-flags';
import { startFunctions } from '../local-functions/start-functions';
import { EVENT_FORMATS } from '../sample-events/build-named-event';
import { invokeOnce } from './invoke-once';
import { readEvent } from './read-event';

const USAGE = `Usage: npm run invoke -- <LogicalId> [-e events/express-ping.json | -e - | -e rest:GET:/express/ping]

Runs one function of a SAM template once, like \`sam local invoke\`, without Docker. Its log lines go to
standard error as Lambda writes them; its result goes to standard output as JSON (a streaming function's
bytes as it writes them). Exits 0, 1 when the function fails (Lambda's error object on standard output),
2 for a usage error (an unknown function, an event that is not JSON).

  --event, -e EVENT          A JSON file, - for standard input, or a built event: <format>:<METHOD>:<path>
                             with format ${EVENT_FORMATS.join(', ')} (REST API, HTTP API, Function URL, ALB);
                             no event sends {}
${FUNCTION_FLAGS_USAGE}`;

// Standard output holds only the result, so that it pipes into jq: everything else goes to standard error.
const stderrLogger: Logger = {
  info: (line) => process.stderr.write(`${line.replaceAll('\r', '\n')}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

const writeOut = (bytes: Uint8Array | string) => new Promise<void>((done) => process.stdout.write(bytes, () => done()));

function exit(code: number, message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: expandBareInspect(process.argv.slice(2)),
      options: { ...FUNCTION_FLAGS, event: { type: 'string', short: 'e' } },
      allowPositionals: true,
    });
  } catch (error) {
    return exit(2, `${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await writeOut(`${USAGE}\n`);
    return 0;
  }
  const [functionId, ...extra] = positionals;
  if (functionId === undefined || extra.length > 0) return exit(2, USAGE);
  let options;
  let source;
  try {
    options = readFunctionFlags(values);
    source = readEvent(values.event);
  } catch (error) {
    // A flag out of range or an event that does not read: the command line is wrong, not the function.
    return exit(2, (error as Error).message);
  }
  const buildDir = join(dirname(resolve(options.templatePath)), '.build', 'local-invoke');
  const started = await startFunctions(options, {
    buildDir,
    logger: stderrLogger,
    watch: false,
    only: (template) => ({ ...template, functions: template.functions.filter((fn) => fn.logicalId === functionId) }),
  });
  try {
    const template = started.template();
    const fn = started.functions.get(functionId);
    const definition = template.functions.find((each) => each.logicalId === functionId);
    if (!fn || !definition) return exit(2, `${functionId}: no such function in ${options.templatePath}`);
    const event = source.kind === 'read' ? source.event : source.build(template);
    const outcome = await invokeOnce(fn, event, definition.responseStreaming, writeOut);
    if (!outcome.ok) {
      await writeOut(`${JSON.stringify(outcome.error)}\n`);
      return 1;
    }
    if (!definition.responseStreaming) await writeOut(`${outcome.payload}\n`);
    return 0;
  } finally {
    await started.close();
  }
}

main().then(
  (code) => exit(code),
  (error: unknown) => exit(1, error instanceof Error ? error.message : String(error)),
);
