import { withFunction } from './launch-runtime-client';

// Lambda Managed Instances: the client's multi-concurrency mode, switched on by AWS_LAMBDA_MAX_CONCURRENCY.

const OVERLAP_PROBE = `const { threadId } = require("node:worker_threads");
let active = 0;
let peak = 0;
exports.handler = async (event) => {
  active += 1;
  peak = Math.max(peak, active);
  await new Promise((resolve) => setTimeout(resolve, 200));
  active -= 1;
  return { peak, threadId, main: require("node:worker_threads").isMainThread };
};`;

describe('the real client under AWS_LAMBDA_MAX_CONCURRENCY', () => {
  it('runs overlapping invocations in one worker thread, sharing module state', async () => {
    const env = { AWS_LAMBDA_MAX_CONCURRENCY: '4', AWS_LAMBDA_NODEJS_WORKER_COUNT: '1' };
    await withFunction({ 'index.js': OVERLAP_PROBE }, { handler: 'index.handler', env }, async ({ api }) => {
      const outcomes = await Promise.all([1, 2, 3].map((n) => api.invoke({ event: { n } })));
      const results = outcomes.map((outcome) => outcome.json as { peak: number; threadId: number; main: boolean });
      expect(new Set(results.map((result) => result.threadId)).size).toBe(1);
      expect(results.every((result) => !result.main)).toBe(true);
      expect(Math.max(...results.map((result) => result.peak))).toBe(3);
    });
  });

  it('without it, invocations never overlap', async () => {
    await withFunction({ 'index.js': OVERLAP_PROBE }, { handler: 'index.handler' }, async ({ api }) => {
      const outcomes = await Promise.all([1, 2, 3].map((n) => api.invoke({ event: { n } })));
      const results = outcomes.map((outcome) => outcome.json as { peak: number; main: boolean });
      expect(results.map((result) => result.peak)).toEqual([1, 1, 1]);
      expect(results.every((result) => result.main)).toBe(true);
    });
  });

  it('logs JSON lines, whatever AWS_LAMBDA_LOG_FORMAT says, each with the requestId of the overlapping invocation that wrote it', async () => {
    const source = 'exports.handler = async (event) => { await new Promise((r) => setTimeout(r, 100)); console.log("done", event.n); };';
    const env = { AWS_LAMBDA_MAX_CONCURRENCY: '4', AWS_LAMBDA_NODEJS_WORKER_COUNT: '1' };
    const stdout = await withFunction({ 'index.js': source }, { handler: 'index.handler', env }, async (running) => {
      await Promise.all(['a', 'b'].map((id) => running.api.invoke({ event: { n: id }, requestId: `req-${id}` })));
      return running.stdout;
    });
    // Read after the process stopped: its stdout pipe may lag behind its posts to the Runtime API.
    const lines = stdout.map((line) => JSON.parse(line) as { requestId: string; message: string });
    expect(lines.map((line) => [line.requestId, line.message]).sort()).toEqual([
      ['req-a', 'done a'],
      ['req-b', 'done b'],
    ]);
  });
});
