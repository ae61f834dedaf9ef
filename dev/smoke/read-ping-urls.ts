/** One deployed function's ping URL, named by the stack output it came from. */
export interface PingTarget {
  readonly framework: string;
  readonly url: string;
}

const FRAMEWORKS = ['express', 'koa', 'fastify'] as const;

/**
 * Reads the three `<Framework>PingUrl` outputs from `sam list stack-outputs --output json`.
 * Throws with the missing names when the stack lacks one (deployed from an older template?).
 */
export function readPingUrls(outputsJson: string): PingTarget[] {
  const outputs = JSON.parse(outputsJson) as Array<{ OutputKey?: string; OutputValue?: string }>;
  const byKey = new Map(outputs.map((output) => [output.OutputKey, output.OutputValue]));
  const missing: string[] = [];
  const targets: PingTarget[] = [];
  for (const framework of FRAMEWORKS) {
    const key = `${framework[0]?.toUpperCase()}${framework.slice(1)}PingUrl`;
    const url = byKey.get(key);
    if (url) targets.push({ framework, url });
    else missing.push(key);
  }
  if (missing.length > 0) throw new Error(`stack outputs lack ${missing.join(', ')}`);
  return targets;
}
