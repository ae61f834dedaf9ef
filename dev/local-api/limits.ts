import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../shared';

/** The limits API Gateway and Lambda put on a request; tests shorten the timeout. */
export interface Limits {
  /** A REST API gives up on an integration after 29 s and answers 504. */
  integrationTimeoutMs: number;
  /** An HTTP API waits 30 s at most (less when an HttpApi event sets TimeoutInMillis) and answers 503. */
  httpApiTimeoutMs: number;
  /** API Gateway refuses payloads over 10 MB with 413. */
  requestBodyBytes: number;
  /** Lambda's limit on a synchronous response payload, as its error message states it. */
  responsePayloadBytes: number;
  /**
   * A REST API's URL length in characters: 8192 for an edge-optimized API (a template without
   * EndpointConfiguration deploys one) and a private API, 10240 for a Regional API. Locally it
   * counts the path and query; the cloud's count also includes the scheme, host and stage.
   */
  requestUrlChars: number;
  /** The combined size of all request headers: names, values, line ends and whitespace. */
  requestHeaderBytes: number;
}

export const API_GATEWAY_LIMITS: Limits = {
  integrationTimeoutMs: 29_000,
  httpApiTimeoutMs: 30_000,
  requestBodyBytes: 10 * 1024 * 1024,
  responsePayloadBytes: LAMBDA_RESPONSE_LIMIT_BYTES,
  requestUrlChars: 8192,
  requestHeaderBytes: 10_240,
};
