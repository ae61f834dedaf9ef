import type { PingTarget } from './read-ping-urls';
import { UNIX_DATE_PATTERN } from '../../functions/format-unix-date';

/** What one ping answered: ok, or why not. */
export interface PingCheck {
  readonly target: PingTarget;
  readonly ok: boolean;
  readonly detail: string;
}

/** Calls a ping URL and checks the answer is 200 JSON `{"from":"<framework>","message":<UnixDate>}`. */
export async function checkPing(target: PingTarget, timeoutMs = 10_000): Promise<PingCheck> {
  try {
    const response = await fetch(target.url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status !== 200) return { target, ok: false, detail: `status ${response.status}: ${text.slice(0, 200)}` };
    if (!response.headers.get('content-type')?.includes('application/json')) {
      return { target, ok: false, detail: `content-type ${response.headers.get('content-type')}` };
    }
    const body = JSON.parse(text) as { from?: unknown; message?: unknown };
    if (body.from !== target.framework) return { target, ok: false, detail: `from is ${JSON.stringify(body.from)}` };
    if (typeof body.message !== 'string' || !UNIX_DATE_PATTERN.test(body.message)) {
      return { target, ok: false, detail: `message is not a UnixDate: ${JSON.stringify(body.message)}` };
    }
    return { target, ok: true, detail: text };
  } catch (error) {
    return { target, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
