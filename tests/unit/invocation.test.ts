import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { Context } from 'aws-lambda';
import { getInvocation, type LambdaHttpEvent } from '../../shared/invocation';
import { BufferedSocket } from '../../shared/buffered-socket';

const context = { awsRequestId: 'req-1' } as Context;
const event = { httpMethod: 'GET', path: '/ping' } as LambdaHttpEvent;

/** A request on its own invocation socket, as the helper makes it. */
function requestOf(invocationContext: Context): IncomingMessage {
  return new IncomingMessage(new BufferedSocket({ event, context: invocationContext }, undefined, true) as unknown as Socket);
}

describe('getInvocation', () => {
  it('gives the invocation of the socket the request came on', () => {
    const req = requestOf(context);
    expect(getInvocation(req)).toEqual({ event, context });
    expect(getInvocation(req)?.event).toBe(event);
  });

  it('gives undefined for a request the helper did not make', () => {
    expect(getInvocation(new IncomingMessage(new Socket()))).toBeUndefined();
  });

  it("keeps two requests' invocations apart", () => {
    const first = requestOf(context);
    const second = requestOf({ awsRequestId: 'req-2' } as Context);
    expect(getInvocation(first)?.context.awsRequestId).toBe('req-1');
    expect(getInvocation(second)?.context.awsRequestId).toBe('req-2');
  });

  it('cannot be reached through a header a client sends', () => {
    const req = new IncomingMessage(new Socket());
    req.headers['x-invocation'] = JSON.stringify({ event, context });
    expect(getInvocation(req)).toBeUndefined();
  });
});
