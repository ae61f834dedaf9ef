/**
 * Decodes a path or query component as a REST API does before the function sees it. `%2F` stays
 * escaped: decoded, it would turn one segment into two. A malformed escape is kept as sent.
 */
export function decodeComponent(text: string): string {
  return text.split(/%2F/i).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  }).join('%2F');
}
