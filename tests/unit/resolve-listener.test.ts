import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { resolveListener, type App, type RequestListener } from '../../shared/resolve-listener';
import { serveRequest } from '../../shared/serve-request';
import { captureLogs } from '../support/log-capture';
import { invocationRequest } from './invocation-request';

/** Serves one GET through a resolved listener and returns what the app answered. */
async function answer(listener: RequestListener, url: string): Promise<{ status: number; body: string }> {
  const { req, socket } = invocationRequest({ url });
  const served = await serveRequest(listener, req, socket, 5_000);
  if (served.kind !== 'response') throw new Error(`the app failed: ${served.reason}`);
  return { status: served.response.statusCode, body: Buffer.from(served.response.body).toString() };
}

describe('resolveListener', () => {
  captureLogs();

  it('serves an Express app as it is, with a next the app calls when no route answered', async () => {
    const app = express();
    app.get('/hello', (_req, res) => void res.send('express'));
    const listener = resolveListener(app) as RequestListener;
    expect(await answer(listener, '/hello')).toEqual({ status: 200, body: 'express' });
    expect(await answer(listener, '/nothing-here')).toEqual({ status: 404, body: '{"message":"Not Found"}' });
  });

  it('hands a plain (req, res) listener every request, and a next it may ignore', async () => {
    const calls: number[] = [];
    const plain = (_req: IncomingMessage, res: ServerResponse, ...rest: unknown[]): void => {
      calls.push(rest.length);
      res.end('plain');
    };
    const listener = resolveListener(plain) as RequestListener;
    expect(await answer(listener, '/')).toEqual({ status: 200, body: 'plain' });
    expect(calls).toEqual([1]);
  });

  it('serves a Koa app through its callback(), taken once', async () => {
    const app = new Koa();
    app.use((ctx) => {
      ctx.body = 'koa';
    });
    const callback = jest.spyOn(app, 'callback');
    const listener = resolveListener(app) as RequestListener;
    expect(callback).toHaveBeenCalledTimes(1);
    expect(await answer(listener, '/')).toEqual({ status: 200, body: 'koa' });
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('serves a Fastify instance once it is ready: a promise of the listener, started at once', async () => {
    const app = Fastify();
    app.get('/hello', async () => 'fastify');
    const ready = jest.spyOn(app, 'ready');
    const resolved = resolveListener(app);
    expect(resolved).toBeInstanceOf(Promise);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(await answer(await resolved, '/hello')).toEqual({ status: 200, body: 'fastify' });
  });

  it("rejects with the start's own error when a Fastify instance fails to get ready", async () => {
    const app = Fastify().register(async () => {
      throw new Error('plugin failed');
    });
    await expect(resolveListener(app)).rejects.toThrow('plugin failed');
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an object that is no app', { listen: () => undefined }],
  ])('refuses %s with a TypeError that names what it accepts', (_kind, app) => {
    expect(() => resolveListener(app as unknown as App)).toThrow(/Express app, a Koa app, a Fastify instance/);
  });

  it("serves a node:http Server through its 'request' listeners, in order, with the server as this", async () => {
    const seen: unknown[] = [];
    const server = createServer((_req, res) => {
      res.setHeader('x-first', 'yes');
    });
    server.on('request', function (this: unknown, _req: IncomingMessage, res: ServerResponse) {
      seen.push(this);
      res.end(`second after ${String(res.getHeader('x-first'))}`);
    });
    const listener = resolveListener(server) as RequestListener;
    expect(await answer(listener, '/')).toEqual({ status: 200, body: 'second after yes' });
    expect(seen).toEqual([server]);
  });

  it('serves an Express app wrapped in http.createServer, and a listener added to the server later', async () => {
    const app = express();
    app.get('/hello', (_req, res) => void res.send('express in a server'));
    const server = createServer(app);
    const listener = resolveListener(server) as RequestListener;
    expect(await answer(listener, '/hello')).toEqual({ status: 200, body: 'express in a server' });

    const late = createServer();
    late.on('request', () => undefined);
    const lateListener = resolveListener(late) as RequestListener;
    late.removeAllListeners('request');
    late.on('request', (_req: IncomingMessage, res: ServerResponse) => res.end('added later'));
    expect(await answer(lateListener, '/')).toEqual({ status: 200, body: 'added later' });
  });

  it("fails the request when a server's async listener rejects, and refuses a server with no 'request' listener", async () => {
    // An async listener, as some apps register one: the server would leave its rejection unhandled.
    const rejecting = async (): Promise<void> => {
      await Promise.resolve();
      throw new Error('listener failed');
    };
    const server = createServer();
    server.on('request', rejecting as (...args: unknown[]) => void);
    const { req, socket } = invocationRequest({ url: '/' });
    const served = await serveRequest(resolveListener(server) as RequestListener, req, socket, 5_000);
    expect(served).toMatchObject({ kind: 'failure', statusCode: 500, reason: 'the app rejected' });
    expect(() => resolveListener(createServer())).toThrow(/no 'request' listener/);
  });
});
