import { createHandler, createStreamHandler, type LambdaHttpHandler, type LambdaStreamHandler, type ProxyOptions } from '../../../shared';
import { expressTestApp } from './express';
import { fastifyTestApp } from './fastify';
import { koaTestApp } from './koa';
import type { FrameworkName, TestApp } from './test-app';

export * from './route-fixtures';
export * from './stream-fixtures';
export type { FrameworkName, TestApp } from './test-app';

/** The matrix's columns. */
export { FRAMEWORKS } from '../../../dev/sam-model/frameworks';

const BUILDERS: Record<FrameworkName, () => TestApp> = {
  express: expressTestApp,
  koa: koaTestApp,
  fastify: fastifyTestApp,
};

export interface TestHandler {
  readonly handler: LambdaHttpHandler;
  readonly stats: TestApp['stats'];
}

const handlers = new Map<string, TestHandler>();

/** The handler for a framework's test app with these options, built once per test file. */
export function testHandler(framework: FrameworkName, options: ProxyOptions = {}): TestHandler {
  const key = `${framework} ${JSON.stringify(options)}`;
  let built = handlers.get(key);
  if (!built) {
    const { app, stats } = BUILDERS[framework]();
    built = { handler: createHandler(app, options), stats };
    handlers.set(key, built);
  }
  return built;
}

export interface TestStreamHandler {
  readonly handler: LambdaStreamHandler;
  readonly stats: TestApp['stats'];
}

const streamHandlers = new Map<string, TestStreamHandler>();

/** The streaming handler for a framework's test app: needs the `awslambda` global installed first. */
export function testStreamHandler(framework: FrameworkName, options: ProxyOptions = {}): TestStreamHandler {
  const key = `${framework} ${JSON.stringify(options)}`;
  let built = streamHandlers.get(key);
  if (!built) {
    const { app, stats } = BUILDERS[framework]();
    built = { handler: createStreamHandler(app, options), stats };
    streamHandlers.set(key, built);
  }
  return built;
}
