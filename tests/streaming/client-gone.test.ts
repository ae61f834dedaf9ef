import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { createApp as createExpressApp } from '../../functions/express/app';
import { createApp as createFastifyApp } from '../../functions/fastify/app';
import { createApp as createKoaApp } from '../../functions/koa/app';
import { installAwsLambdaGlobal, ResponseStream } from '../../dev/lambda-runtime/instance/awslambda-global';
import { request } from '../../dev/sample-events/sample-request';
import { createStreamHandler, type App } from '../../shared';
import { lambdaContext } from '../support/lambda-context';
import { captureLogs, silenceConsoleErrors } from '../support/log-capture';
import { restV1Stream } from '../support/stream-formats';

installAwsLambdaGlobal();

/** A client that takes the prelude, reads nothing more, and goes away a moment later. */
class GoneClient extends Writable {
  constructor() {
    super({ highWaterMark: 1 });
  }
  override _write(): void {
    setImmediate(() => this.destroy(new Error('the client went away')));
  }
}

type Capture = (res: ServerResponse) => void;

// Each app as its handler would run it, with the response the helper gives it in view.
const APPS: [string, (capture: Capture) => App][] = [
  [
    'express',
    (capture) => {
      const app = createExpressApp();
      return (req: IncomingMessage, res: ServerResponse) => {
        capture(res);
        return app(req, res);
      };
    },
  ],
  [
    'koa',
    (capture) => {
      const listener = createKoaApp().callback();
      return (req: IncomingMessage, res: ServerResponse) => {
        capture(res);
        return listener(req, res);
      };
    },
  ],
  [
    'fastify',
    (capture) => {
      const app = createFastifyApp();
      return {
        ready: () => app.ready(),
        routing: (req: IncomingMessage, res: ServerResponse) => {
          capture(res);
          app.routing(req, res);
        },
      };
    },
  ],
];

describe.each(APPS)('%s GET /stream', (_framework, build) => {
  captureLogs();
  // Koa reports the premature close of an aborted stream on the console, as it does for any app.
  silenceConsoleErrors();

  it('stops waiting for the client once it has gone away mid-stream: the invocation fails, no handler is left waiting for a drain', async () => {
    let res: ServerResponse | undefined;
    const handler = createStreamHandler(build((captured) => (res = captured)));
    // A one-byte buffer, so the app's first lines already meet back-pressure.
    const stream = new ResponseStream(() => new GoneClient(), 1);
    const spec = request({
      path: '/stream',
      query: [
        ['count', '100'],
        ['intervalMs', '0'],
      ],
    });
    await expect(handler(restV1Stream.buildEvent(spec), stream as never, lambdaContext())).rejects.toMatchObject({
      name: 'StreamCutError',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(res?.destroyed).toBe(true);
    expect(res?.listenerCount('drain')).toBe(0);
  });
});
