/** How the warning begins: tests that run under any Node.js version leave it out of what they compare. */
export const NODE_MISMATCH_WARNING = "warning: the template's functions run on";

/**
 * A warning when the template's functions run on another Node.js major than the one the local API
 * runs them on (it runs them in its own process's worker threads), or undefined when they agree.
 * `nodejs24.x` on Node 20 would hide a difference of Node 24 until the function is deployed.
 */
export function describeNodeMismatch(runtimes: readonly string[], nodeVersion: string = process.versions.node): string | undefined {
  const local = nodeVersion.split('.')[0];
  const others = [...new Set(runtimes)].filter((runtime) => /^nodejs\d+\.x$/.test(runtime) && runtime !== `nodejs${local}.x`);
  if (others.length === 0) return undefined;
  return (
    `${NODE_MISMATCH_WARNING} ${others.join(', ')}, and this local API runs them on Node.js ${nodeVersion}; ` +
    `start it with that major to match (npx -y -p node@${others[0]?.replace(/^nodejs(\d+)\.x$/, '$1')} -- npm start)`
  );
}
