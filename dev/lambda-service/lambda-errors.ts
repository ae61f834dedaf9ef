import type { ServerResponse } from 'node:http';

/**
 * The Lambda API's own errors, as the AWS SDK reads them: the type in `x-amzn-ErrorType`, a JSON
 * body with `Type` and the message under the member name each exception declares (`Message` for
 * ResourceNotFoundException, `message` for the others).
 */
export type ServiceError =
  | { code: 'ResourceNotFoundException'; status: 404; message: string }
  | { code: 'RequestTooLargeException'; status: 413; message: string }
  | { code: 'InvalidRequestContentException'; status: 400; message: string }
  | { code: 'InvalidParameterValueException'; status: 400; message: string }
  | { code: 'ServiceException'; status: 500; message: string };

export function answerServiceError(response: ServerResponse, requestId: string, error: ServiceError): void {
  const messageMember = error.code === 'ResourceNotFoundException' ? 'Message' : 'message';
  const body = JSON.stringify({ Type: error.code === 'ServiceException' ? 'Service' : 'User', [messageMember]: error.message });
  response.writeHead(error.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-ErrorType': error.code,
    'x-amzn-RequestId': requestId,
  });
  response.end(body);
}
