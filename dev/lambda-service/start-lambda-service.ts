import { dirname, join, resolve } from 'node:path';
import { consoleLogger, type Logger } from '../console/logger';
import { describeReachableUrl } from '../local-functions/describe-address';
import { startFunctions, type FunctionsOptions } from '../local-functions/start-functions';
import { listenLambdaService } from './listen-lambda-service';

export interface LambdaServiceOptions extends FunctionsOptions {
  /** 3001 as `sam local start-lambda`; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where bundles go; `.build/lambda-service` beside the template by default. */
  buildDir?: string;
  logger?: Logger;
}

export interface RunningLambdaService {
  /** `http://127.0.0.1:3001`: the endpoint to give the AWS SDK's LambdaClient. */
  url: string;
  functionIds(): string[];
  inspectorUrl: string | undefined;
  close(): Promise<void>;
}

/** `sam local start-lambda` without Docker: the template's functions behind the Lambda Invoke API, reloaded on save. */
export async function startLambdaService(options: LambdaServiceOptions): Promise<RunningLambdaService> {
  const logger = options.logger ?? consoleLogger;
  const buildDir = options.buildDir ?? join(dirname(resolve(options.templatePath)), '.build', 'lambda-service');
  const started = await startFunctions(options, { buildDir, logger, watch: true });
  const listening = await listenLambdaService(
    started.functions,
    { port: options.port ?? 3001, host: options.host ?? '127.0.0.1' },
    logger,
  ).catch(async (error: unknown) => {
    await started.close();
    throw error;
  });
  return {
    url: describeReachableUrl(listening.address),
    functionIds: () => [...started.functions.keys()],
    inspectorUrl: started.inspectorUrl,
    async close() {
      await listening.close();
      await started.close();
    },
  };
}
