import {
  createHandler,
  createStreamHandler,
  type App,
  type LambdaHttpHandler,
  type LambdaStreamHandler,
  type ProxyOptions,
} from '../../../shared';
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

/** A handler built once per test file, and how many requests reached its app's test routes. */
interface BuiltHandler<Handler> {
  readonly handler: Handler;
  readonly stats: TestApp['stats'];
}

type BuildHandler<Handler> = (framework: FrameworkName, options?: ProxyOptions) => BuiltHandler<Handler>;

/** Builds each framework's test app behind `create` once per set of options. */
function buildOnce<Handler>(create: (app: App, options: ProxyOptions) => Handler): BuildHandler<Handler> {
  const built = new Map<string, BuiltHandler<Handler>>();
  return (framework, options = {}) => {
    const key = `${framework} ${JSON.stringify(options)}`;
    let found = built.get(key);
    if (!found) {
      const { app, stats } = BUILDERS[framework]();
      found = { handler: create(app, options), stats };
      built.set(key, found);
    }
    return found;
  };
}

/** The handler for a framework's test app with these options. */
export const testHandler: BuildHandler<LambdaHttpHandler> = buildOnce(createHandler);

/** The streaming handler for a framework's test app: needs the `awslambda` global installed first. */
export const testStreamHandler: BuildHandler<LambdaStreamHandler> = buildOnce(createStreamHandler);
