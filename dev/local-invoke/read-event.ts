import { readFileSync } from 'node:fs';
import type { SamTemplate } from '../sam-model/sam-template';
import { buildNamedEvent, readEventName } from '../sample-events/build-named-event';

/** An event the user cannot have meant: the command says why and exits 2, as for a usage error. */
export class EventError extends Error {}

/** What `-e` names: nothing (`{}`), `-` (standard input), a builder (`rest:GET:/express/ping`) or a JSON file. */
export function readEvent(eventFlag: string | undefined, template: SamTemplate): unknown {
  if (eventFlag === undefined) return {};
  const name = readEventName(eventFlag);
  if (name) return buildNamedEvent(name, template);
  const source = eventFlag === '-' ? 'standard input' : eventFlag;
  let text: string;
  try {
    text = readFileSync(eventFlag === '-' ? 0 : eventFlag, 'utf8');
  } catch (error) {
    throw new EventError(`cannot read the event from ${source}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new EventError(`the event in ${source} is not JSON: ${(error as Error).message}`);
  }
}
