import { withBarrier } from '../support/barrier';
import { withFunction } from './launch-runtime-client';

// Lambda Managed Instances: the client's multi-concurrency mode, switched on by AWS_LAMBDA_MAX_CONCURRENCY.
// Overlap is proven with a barrier (each invocation waits until all of them are inside), never with sleeps.

const OVERLAP_PROBE = `const { threadId, isMainThread } = require("node:worker_threads");
let active = 0;
let peak = 0;
exports.handler = async (event) => {
  active += 1;
  peak = Math.max(peak, active);
  if (event.barrier) await fetch(event.barrier);
  active -= 1;
  return { peak, threadId, main: isMainThread };
};`;

const MANAGED = { AWS_LAMBDA_MAX_CONCURRENCY: '4', AWS_LAMBDA_NODEJS_WORKER_COUNT: '1' };

describe('the real client under AWS_LAMBDA_MAX_CONCURRENCY', () => {
  it('runs overlapping invocations in one worker thread, sharing module state', async () => {
    await withFunction({ 'index.js': OVERLAP_PROBE }, { handler: 'index.handler', env: MANAGED }, async ({ api }) => {
      const outcomes = await withBarrier(3, (barrier) => Promise.all([1, 2, 3].map((n) => api.invoke({ event: { n, barrier } }))));
      const results = outcomes.map((outcome) => outcome.json as { peak: number; threadId: number; main: boolean });
      expect(new Set(results.map((result) => result.threadId)).size).toBe(1);
      expect(results.every((result) => !result.main)).toBe(true);
      expect(Math.max(...results.map((result) => result.peak))).toBe(3);
    });
  });

  it('without it, asks for the next invocation only once it has answered the last: invocations never overlap', async () => {
    await withFunction({ 'index.js': OVERLAP_PROBE }, { handler: 'index.handler' }, async ({ api }) => {
      const outcomes = await Promise.all([1, 2, 3].map((n) => api.invoke({ event: { n } })));
      await api.nextRequested(4);
      const results = outcomes.map((outcome) => outcome.json as { peak: number; main: boolean });
      expect(results.map((result) => result.peak)).toEqual([1, 1, 1]);
      expect(results.every((result) => result.main)).toBe(true);
      // The order proves it without a clock: each request for work follows the previous answer.
      const polls = api.timeline.filter((entry) => entry.kind === 'next' || entry.kind === 'response-end').map((entry) => entry.kind);
      expect(polls).toEqual(['next', 'response-end', 'next', 'response-end', 'next', 'response-end', 'next']);
    });
  });

  it('logs JSON lines, whatever AWS_LAMBDA_LOG_FORMAT says, each with the requestId of the overlapping invocation that wrote it', async () => {
    const source = 'exports.handler = async (event) => { await fetch(event.barrier); console.log("done", event.n); };';
    const stdout = await withFunction({ 'index.js': source }, { handler: 'index.handler', env: MANAGED }, async (running) => {
      await withBarrier(2, (barrier) =>
        Promise.all(['a', 'b'].map((id) => running.api.invoke({ event: { n: id, barrier }, requestId: `req-${id}` }))),
      );
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
