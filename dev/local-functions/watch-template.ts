import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';

// Editors save by writing a new file and renaming it over the old one: the folder is watched, not the file.
const SETTLE_MS = 100;

/** Calls `onChange` once a burst of writes to the template file has settled; returns a function that stops watching. */
export function watchTemplate(templatePath: string, onChange: () => void): () => void {
  const name = basename(templatePath);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(templatePath), (_event, file) => {
    if (file !== null && file.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, SETTLE_MS);
  });
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
