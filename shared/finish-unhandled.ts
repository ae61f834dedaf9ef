import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { getInvocation } from './invocation';
import { describeError, logLine } from './log';

/** What an Express or Connect app calls when no route answered (`next()`) or no handler took an error (`next(error)`). */
export type FinalHandler = (error?: unknown) => void;

/** The 4xx status a client error carries (a body parser's 400 or 413), as Express's own final handler reads it. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && Number.isInteger(code) && code >= 400 && code < 500 ? code : undefined;
}

function answerJson(res: ServerResponse, statusCode: number): void {
  const body = JSON.stringify({ message: STATUS_CODES[statusCode] ?? 'Error' });
  // What the app set before it failed (a half-built answer's content type) must not describe this body.
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.statusCode = statusCode;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

function logUnhandled(req: IncomingMessage, error: unknown, clientStatus: number | undefined): void {
  const requestId = getInvocation(req)?.context.awsRequestId;
  const url = req.url ?? '';
  const question = url.indexOf('?');
  const route = `${req.method ?? ''} ${question === -1 ? url : url.slice(0, question)}`;
  if (clientStatus === undefined) {
    logLine('ERROR', 'The app did not handle an error', requestId, { route, error: describeError(error) });
    return;
  }
  // A client error's message often quotes the request (JSON.parse quotes the body): its name only.
  const name = error instanceof Error ? error.name : typeof error;
  logLine('WARN', 'The app answered a client error it did not handle', requestId, { route, statusCode: clientStatus, error: name });
}

/**
 * The final handler the helper gives an Express app in place of Express's own, which answers
 * HTML with the error's message and stack unless NODE_ENV is `production`. This one answers JSON
 * `{"message": ...}` whatever NODE_ENV says: 404 when no route answered, the error's own 4xx status
 * for a client error, 500 for anything else; it logs the error (name and message), never the body.
 */
export function finishUnhandled(req: IncomingMessage, res: ServerResponse): FinalHandler {
  return (error) => {
    if (error === undefined || error === null) {
      if (!res.headersSent) answerJson(res, 404);
      return;
    }
    if (res.headersSent) {
      // A response already under way cannot become an error answer: breaking it with the error makes
      // the helper's 500 (or ends the stream), and the helper's one log line names the error.
      res.destroy(error instanceof Error ? error : new Error(describeError(error)));
      return;
    }
    const clientStatus = clientErrorStatus(error);
    logUnhandled(req, error, clientStatus);
    answerJson(res, clientStatus ?? 500);
  };
}
