import serverless from 'serverless-http';
import { createBenchApp } from '../../apps/express';

// Without `binary` serverless-http sends image/png as UTF-8 text (its README's advice).
export const handler = serverless(createBenchApp(), { binary: ['image/*'] });
