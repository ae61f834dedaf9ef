import { readFileSync } from 'node:fs';

/** One frame of a V8 `.cpuprofile`: a function, its script's URL and 0-based line. */
export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

/** One sample of the profile: when it was taken and the stack it saw, leaf first. */
export interface Sample {
  /** µs of V8's monotonic clock, the one `process.hrtime()` reads. */
  readonly atUs: number;
  /** The time this sample stands for: the gap to the previous one. */
  readonly us: number;
  readonly stack: readonly CallFrame[];
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Reads a `.cpuprofile` as `--cpu-prof` writes it into its samples, each with its whole stack. */
export function readCpuProfile(file: string): Sample[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stacks = new Map<number, CallFrame[]>();
  const stackOf = (id: number): CallFrame[] => {
    const known = stacks.get(id);
    if (known) return known;
    const stack: CallFrame[] = [];
    // The root node, `(root)`, is no frame of the program.
    for (let at = byId.get(id); at && parentOf.has(at.id); at = byId.get(parentOf.get(at.id) ?? -1)) stack.push(at.callFrame);
    stacks.set(id, stack);
    return stack;
  };
  let atUs = profile.startTime;
  return profile.samples.map((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    atUs += us;
    return { atUs, us, stack: stackOf(id) };
  });
}
