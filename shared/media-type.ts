/** Whether a media type (already an essence: `image/png`) is one a list of patterns names. */
export type MediaTypeMatcher = (mediaType: string) => boolean;

/** `Image/PNG; charset=x` → `image/png`: the part of a Content-Type that names the type. */
export function essenceOf(contentType: string | undefined): string {
  if (!contentType) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** A matcher for patterns such as `image/png`, `image/*` and `*\/*`, compiled once. */
export function matchMediaTypes(patterns: readonly string[] | undefined): MediaTypeMatcher {
  if (!patterns || patterns.length === 0) return () => false;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const pattern of patterns) {
    const type = pattern.trim().toLowerCase();
    if (type === '*/*') return () => true;
    if (type.endsWith('/*')) prefixes.push(type.slice(0, -1));
    else exact.add(type);
  }
  return (mediaType) => exact.has(mediaType) || prefixes.some((prefix) => mediaType.startsWith(prefix));
}
