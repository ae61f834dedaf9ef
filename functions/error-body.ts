import { STATUS_CODES } from 'node:http';

/** Every app's error answer: `{"message":"Not Found"}`, the status's own reason phrase, never an error's text. */
export function errorBody(status: number): { message: string } {
  return { message: STATUS_CODES[status] ?? 'Error' };
}
