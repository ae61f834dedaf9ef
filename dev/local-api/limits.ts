import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../shared/response-limit';

/** The limits API Gateway and Lambda put on a request; tests shorten the timeout. */
export interface Limits {
  /** API Gateway gives up on an integration after 29 s and answers 504. */
  integrationTimeoutMs: number;
  /** API Gateway refuses payloads over 10 MB with 413. */
  requestBodyBytes: number;
  /** Lambda's limit on a synchronous response payload, as its error message states it. */
  responsePayloadBytes: number;
}

export const API_GATEWAY_LIMITS: Limits = {
  integrationTimeoutMs: 29_000,
  requestBodyBytes: 10 * 1024 * 1024,
  responsePayloadBytes: LAMBDA_RESPONSE_LIMIT_BYTES,
};
