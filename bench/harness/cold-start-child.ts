// One cold start: a fresh Node process loads a bundle and serves its first request, as the
// Lambda runtime would in the init phase and the first invoke. Run as plain JS (no TS loader).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadHandler } from '../../dev/lambda-runtime/instance/load-handler';
import { benchContext } from './bench-context';

type Handler = (input: unknown, context: unknown) => Promise<unknown>;

async function main(): Promise<void> {
  const [bundle, inputFile, outFile] = process.argv.slice(2) as [string, string, string];
  const input = JSON.parse(readFileSync(inputFile, 'utf8')) as { kind: 'event' | 'direct'; value: Record<string, unknown> };
  // The framework floor takes a request in Node's terms; its body travels as base64 text.
  const value = input.kind === 'direct' ? { ...input.value, body: Buffer.from(String(input.value['body']), 'base64') } : input.value;
  const context = benchContext('cold-0001');

  const startedMs = performance.now();
  // As the runtime's init phase: the bundle's `handler` export, found from the Handler string.
  const handler = (await loadHandler(dirname(bundle), `${basename(bundle, extname(bundle))}.handler`)) as Handler;
  const loadedMs = performance.now();
  const result = await handler(value, context);
  const answeredMs = performance.now();

  const written = (result as { written?: Buffer[] }).written;
  const serializable = written ? { ...(result as object), written: written.map((chunk) => chunk.toString('base64')) } : result;
  writeFileSync(
    outFile,
    JSON.stringify({
      bootMs: startedMs,
      requireMs: loadedMs - startedMs,
      firstInvocationMs: answeredMs - loadedMs,
      peakRssKb: process.resourceUsage().maxRSS,
      result: serializable,
    }),
  );
  // Apps may leave timers or sockets behind; the runtime would freeze them, we end the process.
  process.exit(0);
}

void main();
