import serverlessExpress from '@codegenie/serverless-express';
import { createBenchApp } from '../../apps/express';

// Its default binary settings already cover image/*.
export const handler = serverlessExpress({ app: createBenchApp() });
