import type { ServerResponse } from 'node:http';
import type { HttpAnswer } from '../gateways/read-lambda-result';

/** Sends an answer as it is (its gateway has added its own headers), framed with its length. */
export function sendAnswer(response: ServerResponse, answer: HttpAnswer): void {
  for (const [name, values] of answer.headers) response.setHeader(name, values);
  response.setHeader('Content-Length', answer.body.length);
  response.writeHead(answer.statusCode);
  response.end(answer.body);
}
