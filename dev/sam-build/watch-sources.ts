import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Watches a changing set of directories and reports the files that change in them. */
export interface SourceWatcher {
  /** Watches exactly these directories from now on. */
  watchDirectories(directories: Iterable<string>): void;
  close(): void;
}

// One watcher per directory of the bundle's own sources: a recursive watch of the project would
// also walk node_modules, and esbuild's own watch mode polls, which is slower to notice an edit.
export function watchSources(onChange: (file: string) => void): SourceWatcher {
  const watchers = new Map<string, FSWatcher>();
  // A build that finishes after close() still reports what it read: it must not start new watchers,
  // which would keep the process alive.
  let closed = false;

  const stop = (directory: string): void => {
    watchers.get(directory)?.close();
    watchers.delete(directory);
  };

  return {
    watchDirectories(directories) {
      if (closed) return;
      const wanted = new Set(directories);
      for (const directory of watchers.keys()) if (!wanted.has(directory)) stop(directory);
      for (const directory of wanted) {
        if (watchers.has(directory)) continue;
        try {
          const watcher = watch(directory, (_event, name) => onChange(name ? join(directory, name.toString()) : directory));
          watcher.on('error', () => stop(directory));
          watchers.set(directory, watcher);
        } catch {
          // A directory that vanished: the next build reports the missing file.
        }
      }
    },
    close() {
      closed = true;
      for (const directory of [...watchers.keys()]) stop(directory);
    },
  };
}
