import { once } from 'node:events';
import express, { type ErrorRequestHandler, type Router } from 'express';
import { formatUnixDate } from '../format-unix-date';
import { ndjsonLines, readLinesQuery } from '../ndjson-lines';

interface HttpError extends Error {
  status?: number;
  expose?: boolean;
}

/** The Express API: `/ping`, `/echo`, and whatever `routes` adds, with JSON 404s and errors. */
export function createApp(routes?: Router): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/ping', (_req, res) => {
    res.json({ from: 'express', message: formatUnixDate(new Date()) });
  });

  // NDJSON lines as they are made: each write goes out at once, and a slow client pauses the loop.
  app.get('/stream', async (req, res) => {
    res.type('application/x-ndjson');
    for await (const line of ndjsonLines('express', readLinesQuery(req.query))) {
      if (res.destroyed) return;
      if (!res.write(line)) await once(res, 'drain');
    }
    res.end();
  });

  // Answers with the body it was sent, bytes and content type unchanged.
  app.post('/echo', express.raw({ type: () => true, limit: '6mb' }), (req, res) => {
    res.type(req.get('content-type') ?? 'application/octet-stream').send(req.body);
  });

  if (routes) app.use(routes);

  app.use((_req, res) => {
    res.status(404).json({ message: 'Not Found' });
  });

  // Express's default handler would print the stack into the response when NODE_ENV is unset.
  const onError: ErrorRequestHandler = (error: HttpError, _req, res, _next) => {
    if (error.status && error.status < 500 && error.expose) {
      res.status(error.status).json({ message: error.message });
      return;
    }
    console.error(error);
    res.status(500).json({ message: 'Internal Server Error' });
  };
  app.use(onError);
  return app;
}
