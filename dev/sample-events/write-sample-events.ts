// npm run events: writes events/*.json from the model's event builders and template.yaml, and
// removes the files no function needs any more. tests/template checks that they are up to date.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleEvents, sampleEventText } from './sample-events';
import { readTemplate } from '../sam-model/read-template';

const root = join(__dirname, '..', '..');
const eventsDir = join(root, 'events');
const events = sampleEvents(readTemplate(join(root, 'template.yaml')));
const written = new Set(events.map((event) => event.file));
for (const event of events) writeFileSync(join(eventsDir, event.file), sampleEventText(event));
for (const file of readdirSync(eventsDir)) {
  if (file.endsWith('.json') && !written.has(file)) rmSync(join(eventsDir, file));
}
process.stdout.write(`events/: ${[...written].join(', ')}\n`);
