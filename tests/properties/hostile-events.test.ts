import fc from 'fast-check';
import { createHandler, type LambdaHttpHandler } from '../../shared';
import { FRAMEWORKS, testHandler } from '../support/apps';
import { mutate, mutation, requestSpec } from '../support/arbitraries';
import { expectedResultFormat, FORMATS } from '../support/formats';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { echoRequest } from '../support/raw-apps';

// Long enough that only a real hang reaches it; the helper's own deadline is far shorter.
const HANG_LIMIT_MS = 5_000;

/** Invokes the handler; a hang fails the property instead of stalling the suite. */
async function invokeOrHang(handler: LambdaHttpHandler, event: unknown): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the handler hung')), HANG_LIMIT_MS);
  });
  try {
    return await Promise.race([handler(event, lambdaContext({ remainingMs: 2_000 })), hang]);
  } finally {
    clearTimeout(timer);
  }
}

const echoHandler = createHandler(echoRequest);

describe.each(FORMATS.map((format) => [format.name, format] as const))('%s events', (_name, format) => {
  const logs = captureLogs();
  silenceConsoleErrors();

  it('any request a client can send is answered by the app, in a well-formed result of that format', async () => {
    await fc.assert(
      fc.asyncProperty(requestSpec, async (spec) => {
        const event = format.buildEvent(spec);
        const result = await invokeOrHang(echoHandler, event);
        expect(format.shapeProblems(result)).toEqual([]);
        expect(format.readResult(result).status).toBe(200);
      }),
      { numRuns: 80 },
    );
  });

  it('hostile edits of its events never make the handler throw, reject or hang: 200 or a logged 400, well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(requestSpec, fc.array(mutation, { minLength: 1, maxLength: 4 }), async (spec, mutations) => {
        logs().length = 0;
        const event = mutate(format.buildEvent(spec), mutations);
        const result = await invokeOrHang(echoHandler, event);
        expect(expectedResultFormat(event).shapeProblems(result)).toEqual([]);
        const { status } = expectedResultFormat(event).readResult(result);
        expect([200, 400]).toContain(status);
        expect(logs()).toHaveLength(status === 400 ? 1 : 0);
      }),
      { numRuns: 200 },
    );
  });

  it.each(FRAMEWORKS)('random and hostile events through the %s app resolve well-formed, never a helper failure', async (framework) => {
    const { handler } = testHandler(framework);
    await fc.assert(
      fc.asyncProperty(requestSpec, fc.array(mutation, { maxLength: 3 }), async (spec, mutations) => {
        logs().length = 0;
        const event = mutate(format.buildEvent(spec), mutations);
        const result = await invokeOrHang(handler, event);
        expect(expectedResultFormat(event).shapeProblems(result)).toEqual([]);
        const errors = logs().filter((line) => line.json?.['level'] === 'ERROR');
        expect(errors).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('events of no format', () => {
  const logs = captureLogs();

  it('anything at all resolves to a well-formed 400 with one log line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 3 }), async (event) => {
        fc.pre(expectedResultFormat(event) === FORMATS[0] && !(typeof event === 'object' && event !== null && 'httpMethod' in event));
        logs().length = 0;
        const result = await invokeOrHang(echoHandler, event);
        expect(FORMATS[0]?.shapeProblems(result)).toEqual([]);
        expect(FORMATS[0]?.readResult(result).status).toBe(400);
        expect(logs()).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
