import inspector from 'node:inspector';

export interface InspectTarget {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface OpenInspector {
  /** `ws://127.0.0.1:9229/<id>`: what a debugger connects to. */
  url: string;
  close(): void;
}

/**
 * Opens the Node.js inspector in the local API's own process. The function instances are worker
 * threads of this process: one port here reaches all of them, through the inspector's NodeWorker
 * domain, which VS Code's JavaScript debugger uses to show each worker as a thread of the process
 * it attached to. (A port per instance would change with every instance started after a rebuild,
 * a crash or a timeout, and would allow only one instance at a time.) A process already started
 * with --inspect keeps its inspector.
 */
export function openInspector(target: InspectTarget): OpenInspector {
  const existing = inspector.url();
  if (existing) return { url: existing, close: () => undefined };
  inspector.open(target.port, target.host, false);
  const url = inspector.url();
  // Node reports a busy port on stderr and leaves the inspector closed rather than throwing.
  if (!url) {
    const other = target.port === 0 ? 0 : target.port + 1;
    throw new Error(
      `The debugger cannot listen on ${target.host}:${target.port} (is another debugger or local API using it?). ` +
        `Choose another: npm start -- --inspect=${other}`,
    );
  }
  return { url, close: () => inspector.close() };
}
