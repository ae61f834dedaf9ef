import express, { type Request, type RequestHandler } from 'express';
import { createApp } from '../../../functions/express/app';
import * as fixtures from './route-fixtures';
import { byteStream, emptyStatus, gatedLines } from './stream-fixtures';
import type { TestApp } from './test-app';

export function expressTestApp(): TestApp {
  const stats = { received: 0 };
  const routes = express.Router();
  const counted =
    (handler: RequestHandler): RequestHandler =>
    (req, res, next) => {
      stats.received += 1;
      return handler(req, res, next);
    };
  const inspectRoute = counted((req: Request, res) => {
    res.json(
      fixtures.inspect(req, {
        query: req.query,
        ip: req.ip,
        protocol: req.protocol,
        body: Buffer.isBuffer(req.body) ? req.body : undefined,
      }),
    );
  });
  const rawBody = express.raw({ type: () => true, limit: '10mb' });

  routes.all('/inspect', rawBody, inspectRoute);
  routes.get('/', inspectRoute);
  routes.get('/:first/:second', inspectRoute);
  routes.get(
    '/png',
    counted((_req, res) => void res.type('image/png').send(fixtures.PNG_BYTES)),
  );
  routes.get(
    '/cookies',
    counted((_req, res) => {
      res.setHeader('set-cookie', fixtures.SET_COOKIES);
      res.setHeader('x-cookie-count', fixtures.SET_COOKIES.length);
      res.json({ cookies: fixtures.SET_COOKIES.length });
    }),
  );
  routes.get('/boom', counted(fixtures.throwSecret));
  routes.get('/boom-async', counted(fixtures.rejectSecret));
  routes.get(
    '/chunked',
    counted((req, res) => fixtures.writeChunks(res, req.query['framing'] === 'explicit')),
  );
  routes.get(
    '/hang',
    counted(() => undefined),
  );
  routes.get(
    '/broken-stream',
    counted((_req, res) => fixtures.breakMidway(res)),
  );
  routes.get(
    '/late',
    counted((_req, res) => fixtures.answerLate(res, fixtures.LATE_ANSWER_MS)),
  );
  routes.get(
    '/gzip',
    counted((_req, res) => void res.set('content-encoding', 'gzip').type('application/json').send(fixtures.GZIP_BYTES)),
  );
  routes.get(
    '/big',
    counted((req, res) => {
      const { contentType, body } = fixtures.bigBody(req.query['kind']);
      res.type(contentType).send(body());
    }),
  );
  routes.get(
    '/slow-invocation',
    counted(async (req, res) => {
      res.json(await fixtures.readInvocationTwice(req));
    }),
  );

  routes.get(
    '/gated',
    counted((req, res) => void gatedLines(req.query['id'], req.query['count']).pipe(res.type('application/x-ndjson'))),
  );
  routes.get(
    '/bytes',
    counted((req, res) => void byteStream(req.query['id'], req.query['total']).pipe(res.type('application/octet-stream'))),
  );
  routes.get(
    '/empty',
    counted((req, res) => void res.status(emptyStatus(req.query['status'])).end()),
  );

  return { framework: 'express', app: createApp(routes), stats };
}
