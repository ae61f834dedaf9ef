import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `sam local generate-event`'s templates, in the team's folder beside the checkout (`../shared`).
 * A clone on its own has no such folder: the comparisons that read them are skipped there, and
 * `.ci/run` refuses to run without them, so CI always makes them.
 */
const AWS_SAMPLE_EVENTS = join(__dirname, '..', '..', '..', 'shared', 'aws-sample-events');

export const hasAwsSampleEvents = existsSync(AWS_SAMPLE_EVENTS);

export function readAwsSampleEvent(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(AWS_SAMPLE_EVENTS, file), 'utf8')) as Record<string, unknown>;
}
