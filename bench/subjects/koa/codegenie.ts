import serverlessExpress from '@codegenie/serverless-express';
import { createBenchApp } from '../../apps/koa';

type ExpressLikeApp = Parameters<typeof serverlessExpress>[0]['app'];

// Its default binary settings already cover image/*. Its types know only Express; it detects Koa.
export const handler = serverlessExpress({ app: createBenchApp() as unknown as ExpressLikeApp });
