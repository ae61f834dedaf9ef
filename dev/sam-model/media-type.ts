/** `image/png; charset=x` → `image/png`, lowercased. */
function essenceOf(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

function matchesOne(essence: string, pattern: string): boolean {
  const wanted = pattern.trim().toLowerCase();
  if (wanted === '*/*' || wanted === essence) return true;
  if (!wanted.endsWith('/*')) return false;
  return essence.startsWith(wanted.slice(0, -1));
}

/** Whether a media type is one of an API's BinaryMediaTypes (which may hold `type/*` and `*\/*`). */
export function isBinaryMediaType(mediaType: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  if (mediaType === undefined || mediaType.trim() === '') return binaryMediaTypes.some((type) => type.trim() === '*/*');
  const essence = essenceOf(mediaType);
  return binaryMediaTypes.some((pattern) => matchesOne(essence, pattern));
}

/** API Gateway honours only the first media type of an Accept header. */
export function firstAcceptedType(accept: string | undefined): string | undefined {
  const first = accept?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}
