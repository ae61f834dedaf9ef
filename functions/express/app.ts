import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { ECHO_LIMIT_BYTES } from '../echo-limit';
import { errorBody } from '../error-body';
import { formatUnixDate } from '../format-unix-date';
import { ndjsonLines, readLinesQuery } from '../ndjson-lines';

interface HttpError extends Error {
  status?: number;
  expose?: boolean;
}

// Express answers a known path's other methods with the 404 of an unknown one: this says 405, and
// answers OPTIONS with the methods, as Koa's router does.
const answerOtherMethods =
  (allow: string): RequestHandler =>
  (req, res) => {
    res.set('allow', allow);
    if (req.method === 'OPTIONS') res.end();
    else res.status(405).json(errorBody(405));
  };

/** The Express API: `/ping`, `/echo`, and whatever `routes` adds, with JSON 404s and errors. */
export function createApp(routes?: Router): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app
    .route('/ping')
    .get((_req, res) => {
      res.json({ from: 'express', message: formatUnixDate(new Date()) });
    })
    .all(answerOtherMethods('GET, HEAD'));

  // NDJSON lines as they are made: the pipeline writes each at once, pauses for a slow client, and
  // stops the lines when the client goes away (a response that only closes never drains).
  app
    .route('/stream')
    .get(async (req, res) => {
      res.type('application/x-ndjson');
      try {
        await pipeline(Readable.from(ndjsonLines('express', readLinesQuery(req.query)), { objectMode: false }), res);
      } catch (error) {
        // A client that went away is no error of the app's: there is no one left to answer.
        if (!res.destroyed) throw error;
      }
    })
    .all(answerOtherMethods('GET, HEAD'));

  // Answers with the body it was sent, bytes and content type unchanged: res.type() and res.set()
  // would add `; charset=utf-8` to a text or JSON type, so the header is set as Node's.
  app
    .route('/echo')
    .post(express.raw({ type: () => true, limit: ECHO_LIMIT_BYTES }), (req, res) => {
      res.setHeader('content-type', req.get('content-type') ?? 'application/octet-stream');
      res.send(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    })
    .all(answerOtherMethods('POST'));

  if (routes) app.use(routes);

  app.use((_req, res) => {
    res.status(404).json(errorBody(404));
  });

  // Express's default handler would print the stack into the response when NODE_ENV is unset.
  const onError: ErrorRequestHandler = (error: HttpError, _req, res, _next) => {
    if (error.status && error.status < 500 && error.expose) {
      res.status(error.status).json(errorBody(error.status));
      return;
    }
    console.error(error);
    res.status(500).json(errorBody(500));
  };
  app.use(onError);
  return app;
}
