import type { Context } from 'aws-lambda';

// The client gets the helper's 504 this long before Lambda would end the invocation.
const TIMEOUT_MARGIN_MS = 500;
// For callers that pass no real Lambda context: API Gateway's own integration timeout.
const DEFAULT_TIME_LEFT_MS = 29_000;

/** How long the app may take before the helper answers for it, in milliseconds from now. */
export function deadlineOf(context: Context | undefined): number {
  const reported = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : undefined;
  const timeLeft = typeof reported === 'number' && Number.isFinite(reported) ? reported : DEFAULT_TIME_LEFT_MS;
  return Math.max(0, timeLeft - TIMEOUT_MARGIN_MS);
}
