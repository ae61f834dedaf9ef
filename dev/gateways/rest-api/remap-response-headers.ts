/**
 * What a REST API's Lambda proxy integration does to the function's response headers, as API
 * Gateway's "important notes for REST APIs" table lists them: some arrive renamed
 * `x-amzn-Remapped-<name>`, some not at all. For Date the gateway then sends its own (here Node's);
 * for Server it is not documented what it sends, so none is sent.
 */
const REMAPPED = new Set([
  'authorization',
  'connection',
  'content-md5',
  'date',
  'max-forwards',
  'server',
  'user-agent',
  'www-authenticate',
]);
const DROPPED = new Set(['expect', 'host', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via']);

export const REMAPPED_PREFIX = 'x-amzn-Remapped-';

function append(headers: Map<string, string[]>, name: string, values: readonly string[]): void {
  const existing = [...headers.keys()].find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
  headers.set(existing, [...(headers.get(existing) ?? []), ...values]);
}

/** The headers as the client receives them from API Gateway; the input map is not changed. */
export function remapResponseHeaders(headers: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const remapped = new Map<string, string[]>();
  for (const [name, values] of headers) {
    const lower = name.toLowerCase();
    if (DROPPED.has(lower)) continue;
    append(remapped, REMAPPED.has(lower) ? `${REMAPPED_PREFIX}${name}` : name, values);
  }
  return remapped;
}
