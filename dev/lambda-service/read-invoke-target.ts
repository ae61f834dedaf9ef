/** Which function an Invoke API path names, and which API it calls. */
export interface InvokeTarget {
  operation: 'Invoke' | 'InvokeWithResponseStream';
  /** As the caller wrote it (decoded): a logical id, a FunctionName, or an ARN ending in either. */
  name: string;
  qualifier: string | undefined;
}

// POST /2015-03-31/functions/{name}/invocations and /2021-11-15/functions/{name}/response-streaming-invocations.
const PATHS = [
  { operation: 'Invoke', pattern: /^\/2015-03-31\/functions\/([^/]+)\/invocations$/ },
  { operation: 'InvokeWithResponseStream', pattern: /^\/2021-11-15\/functions\/([^/]+)\/response-streaming-invocations$/ },
] as const;

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Reads the operation, function and qualifier from a request target; undefined for any other path. */
export function readInvokeTarget(url: string): InvokeTarget | undefined {
  // Split by hand: Node's parser accepts targets (`http://[/x`) that the URL class throws on.
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  for (const { operation, pattern } of PATHS) {
    const segment = pattern.exec(path)?.[1];
    const name = segment === undefined ? undefined : decode(segment);
    if (name === undefined) continue;
    const qualifier = queryAt < 0 ? null : new URLSearchParams(url.slice(queryAt + 1)).get('Qualifier');
    return { operation, name, qualifier: qualifier ?? undefined };
  }
  return undefined;
}

/**
 * The function a name means: `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`
 * and `<account>:function:<name>` name it as a bare name does. Only `$LATEST` runs locally: there
 * are no published versions or aliases. Names are looked up, never used as paths, so `../` is just
 * a name no function has.
 */
export function findFunctionId(target: InvokeTarget, ids: (name: string) => string | undefined): string | undefined {
  const parts = target.name.split(':');
  const at = parts.lastIndexOf('function');
  const name = at >= 0 ? parts[at + 1] : target.name;
  const qualifier = at >= 0 && parts.length > at + 2 ? parts[at + 2] : target.qualifier;
  if (name === undefined || (qualifier !== undefined && qualifier !== '$LATEST')) return undefined;
  return ids(name);
}
