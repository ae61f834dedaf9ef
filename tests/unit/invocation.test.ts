import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { Context } from 'aws-lambda';
import { bindInvocation, getInvocation, type LambdaHttpEvent } from '../../shared/invocation';

const context = { awsRequestId: 'req-1' } as Context;
const event = { httpMethod: 'GET', path: '/ping' } as LambdaHttpEvent;

describe('getInvocation', () => {
  it('gives the invocation bound to that very request', () => {
    const req = new IncomingMessage(new Socket());
    bindInvocation(req, { event, context });
    expect(getInvocation(req)).toEqual({ event, context });
    expect(getInvocation(req)?.event).toBe(event);
  });

  it('gives undefined for a request the helper did not make', () => {
    expect(getInvocation(new IncomingMessage(new Socket()))).toBeUndefined();
  });

  it('keeps two requests\' invocations apart', () => {
    const first = new IncomingMessage(new Socket());
    const second = new IncomingMessage(new Socket());
    const otherContext = { awsRequestId: 'req-2' } as Context;
    bindInvocation(first, { event, context });
    bindInvocation(second, { event, context: otherContext });
    expect(getInvocation(first)?.context.awsRequestId).toBe('req-1');
    expect(getInvocation(second)?.context.awsRequestId).toBe('req-2');
  });

  it('cannot be reached through a header a client sends', () => {
    const req = new IncomingMessage(new Socket());
    req.headers['x-invocation'] = JSON.stringify({ event, context });
    expect(getInvocation(req)).toBeUndefined();
  });
});
