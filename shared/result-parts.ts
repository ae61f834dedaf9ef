import type { ResultParts } from './formats/event-format';
import type { ProxySettings } from './options';
import type { AppResponse } from './read-response';
import { encodeBody } from './response-body';

/** The app's response in the form every format writes from. */
export function toResultParts(response: AppResponse, settings: ProxySettings): ResultParts {
  const { body, isBase64Encoded } = encodeBody(response.body, response.headers, settings);
  return { statusCode: response.statusCode, headers: response.headers, cookies: response.cookies, body, isBase64Encoded };
}

/** The helper's own answers (400, 500, 504): a JSON message, never an error's text or stack. */
export function jsonResultParts(statusCode: number, message: string): ResultParts {
  return {
    statusCode,
    headers: new Map([['content-type', ['application/json']]]),
    cookies: [],
    body: JSON.stringify({ message }),
    isBase64Encoded: false,
  };
}
