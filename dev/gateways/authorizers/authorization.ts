import type { HttpAnswer } from '../read-lambda-result';

/** Runs a function of the template (an authorizer) with an event, as the gateway's integration would. */
export type InvokeFunction = (functionId: string, event: unknown) => Promise<{ ok: true; payload: string } | { ok: false; reason: string }>;

/** What an authorizer decided: the request goes on with what the function will see, or the gateway answers. */
export type Authorization =
  | { allowed: true; requestContextAuthorizer: Record<string, unknown> }
  /** `reason`: for the console, when the refusal is the authorizer's fault rather than the caller's. */
  | { allowed: false; answer: HttpAnswer; reason?: string };

/** The gateway's own answers when authorization stops a request, each in that gateway's words. */
export interface AuthorizerAnswers {
  /** Missing or invalid identity, or the authorizer said `Unauthorized`: 401. */
  unauthorized: HttpAnswer;
  /** The policy denies (explicitly or by allowing nothing that matches), or `isAuthorized: false`: 403. */
  forbidden(explicit: boolean): HttpAnswer;
  /** The authorizer failed, timed out or answered something the gateway cannot read: 500. */
  failed: HttpAnswer;
}
