/** One deployed function's ping URL, named by the stack output it came from. */
export interface PingTarget {
  readonly framework: string;
  readonly url: string;
}

/**
 * Reads the `<App>PingUrl` output of each app (each function of template.yaml) from
 * `sam list stack-outputs --output json`.
 * Throws with the missing names when the stack lacks one (deployed from an older template?).
 */
export function readPingUrls(outputsJson: string, apps: readonly string[]): PingTarget[] {
  const outputs = JSON.parse(outputsJson) as Array<{ OutputKey?: string; OutputValue?: string }>;
  const byKey = new Map(outputs.map((output) => [output.OutputKey, output.OutputValue]));
  const missing: string[] = [];
  const targets: PingTarget[] = [];
  for (const framework of apps) {
    const key = `${framework[0]?.toUpperCase()}${framework.slice(1)}PingUrl`;
    const url = byKey.get(key);
    if (url) targets.push({ framework, url });
    else missing.push(key);
  }
  if (missing.length > 0) throw new Error(`stack outputs lack ${missing.join(', ')}`);
  return targets;
}
