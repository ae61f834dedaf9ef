import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { watchSources } from '../../dev/sam-build/watch-sources';

// A build that finishes after its function was stopped still reports the files it read; a watcher
// opened then would keep the process (a jest worker, the local API) alive after close.
const fsWatchers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'FSEventWrap').length;
// A closed watcher leaves the list of active resources a few turns of the event loop later.
async function watchersSettled(expected: number): Promise<number> {
  for (let turn = 0; turn < 100 && fsWatchers() !== expected; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  return fsWatchers();
}

it('opens no watcher once closed, whatever directories it is asked to watch afterwards', async () => {
  const dir = mkdtempSync(`${tmpdir()}/watch-sources-`);
  const watcher = watchSources(() => undefined);
  try {
    const before = fsWatchers();
    watcher.watchDirectories([dir]);
    expect(fsWatchers()).toBe(before + 1);
    watcher.close();
    watcher.watchDirectories([dir]);
    expect(await watchersSettled(before)).toBe(before);
  } finally {
    // Closes what a watcher that ignored its close() opened, so that a failure here does not hang the run.
    watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
