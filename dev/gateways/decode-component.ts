function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Decodes a path or a path segment as a REST API does before the function sees it. `%2F` stays
 * escaped: decoded, it would turn one segment into two. A malformed escape is kept as sent.
 */
export function decodePath(text: string): string {
  return text.split(/%2F/i).map(decodeOrKeep).join('%2F');
}

/** Decodes a query string key or value; a malformed escape is kept as sent. */
export function decodeQueryComponent(text: string): string {
  return decodeOrKeep(text);
}
