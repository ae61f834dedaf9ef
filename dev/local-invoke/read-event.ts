import { readFileSync } from 'node:fs';
import type { SamTemplate } from '../sam-model/sam-template';
import { buildNamedEvent, readEventName } from '../sample-events/build-named-event';

/** An event the user cannot have meant: the command says why and exits 2, as for a usage error. */
export class EventError extends Error {}

/** The event, or (for a built one, which needs the template's routes) how to build it once the template is read. */
export type EventSource = { kind: 'read'; event: unknown } | { kind: 'build'; build(template: SamTemplate): unknown };

/**
 * What `-e` names: nothing (`{}`), `-` (standard input), a builder (`rest:GET:/express/ping`) or a
 * JSON file. Files and standard input are read before anything is built, so a bad event fails at once.
 */
export function readEvent(eventFlag: string | undefined): EventSource {
  if (eventFlag === undefined) return { kind: 'read', event: {} };
  const name = readEventName(eventFlag);
  if (name) return { kind: 'build', build: (template) => buildNamedEvent(name, template) };
  const source = eventFlag === '-' ? 'standard input' : eventFlag;
  let text: string;
  try {
    text = readFileSync(eventFlag === '-' ? 0 : eventFlag, 'utf8');
  } catch (error) {
    throw new EventError(`cannot read the event from ${source}: ${(error as Error).message}`);
  }
  try {
    return { kind: 'read', event: JSON.parse(text) as unknown };
  } catch (error) {
    throw new EventError(`the event in ${source} is not JSON: ${(error as Error).message}`);
  }
}
