import { createHandler, type LambdaHttpHandler, type ProxyOptions } from '../../../shared';
import { expressTestApp } from './express';
import { fastifyTestApp } from './fastify';
import { koaTestApp } from './koa';
import type { FrameworkName, TestApp } from './test-app';

export * from './route-fixtures';
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
