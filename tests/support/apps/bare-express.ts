import express from 'express';

/** What an app's own code might put in an error message: a connection string with its password. */
const CONNECTION_STRING = 'postgres://orders:hunter2-db-pass@db.internal:5432/orders';

/**
 * An Express app as many users bring it: routes, and no 404 or error handler of its own, so
 * that without the helper's final handler Express's default one (HTML, stack in development)
 * answers. Its errors quote `CONNECTION_STRING`, so tests can see the password stays masked.
 */
export function bareExpressApp(): express.Express {
  const app = express();
  app.get('/boom', () => {
    throw new TypeError(`cannot reach ${CONNECTION_STRING}`);
  });
  app.get('/boom-async', async () => {
    await Promise.resolve();
    throw new RangeError(`cannot reach ${CONNECTION_STRING}`);
  });
  app.get('/boom-after-head', async (_req, res) => {
    res.type('text/plain').write('partial body');
    await Promise.resolve();
    throw new TypeError(`cannot reach ${CONNECTION_STRING}`);
  });
  app.post('/json', express.json(), (req, res) => {
    res.json(req.body);
  });
  return app;
}
