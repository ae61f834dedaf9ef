import type { HttpAnswer } from '../read-lambda-result';
import type { AuthorizerCache } from './authorizer-cache';

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

/** How this server authorizes: its result cache, and what it does with auth it cannot check offline. */
export interface AuthorizerSetup {
  cache: AuthorizerCache;
  /** Answer 401 instead of letting requests through (`--refuse-unchecked-auth`). */
  refuseUnchecked: boolean;
}

/** AWS_IAM, Cognito or JWT auth, which cannot be checked offline: let through, or refused 401 when asked. */
export function passUnchecked(setup: AuthorizerSetup, answers: AuthorizerAnswers): Authorization {
  return setup.refuseUnchecked ? { allowed: false, answer: answers.unauthorized } : { allowed: true, requestContextAuthorizer: {} };
}
