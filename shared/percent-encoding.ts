// Percent-encoding of the request target's parts, and the one normal form paths are compared in.

// Characters RFC 3986 allows in a path, plus valid %XX escapes. Anything else (space, `?`, `#`,
// non-ASCII, controls, a stray `%`) would change how the app parses the URL, so it is escaped.
const CLEAN_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const CLEAN_QUERY = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const PATH_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const QUERY_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const ESCAPE = /^%[0-9A-Fa-f]{2}/;
const ESCAPES = /%[0-9A-Fa-f]{2}/g;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

function escapeOutside(raw: string, allowed: RegExp): string {
  // A lone UTF-16 surrogate has no UTF-8 form; it becomes U+FFFD, as a decoder would make it.
  const text = raw.toWellFormed();
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '%' && ESCAPE.test(text.slice(i, i + 3))) {
      out += text.slice(i, i + 3);
      i += 2;
    } else if (allowed.test(char)) {
      out += char;
    } else {
      const symbol = String.fromCodePoint(text.codePointAt(i) ?? 0);
      if (symbol.length === 2) i += 1;
      out += encodeURIComponent(symbol);
    }
  }
  return out;
}

/** Escapes what cannot stand in a request path; keeps valid `%XX` as sent (REST keeps `%2F`). */
export function encodePath(path: string): string {
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return CLEAN_PATH.test(rooted) ? rooted : escapeOutside(rooted, PATH_CHAR);
}

/** Escapes what cannot stand in a query string that arrives already encoded (HTTP API, ALB). */
export function encodeQuery(query: string): string {
  return CLEAN_QUERY.test(query) ? query : escapeOutside(query, QUERY_CHAR);
}

/** Escapes a decoded query key or value (REST). A lone surrogate, which has no UTF-8 form, becomes U+FFFD. */
export function encodeQueryComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.toWellFormed());
  }
}

function normalizeEscape(escape: string): string {
  const char = String.fromCharCode(Number.parseInt(escape.slice(1), 16));
  return UNRESERVED.test(char) ? char : escape.toUpperCase();
}

/**
 * RFC 3986's normal form of an encoded path (as `encodePath` writes it): escapes of unreserved
 * characters decoded, every other escape in upper case. `/caf%c3%a9`, `/caf%C3%A9` and `/%63af%C3%A9`
 * are one path; `%2F` stays an escape, so it never turns into a segment boundary.
 */
export function normalizeEscapes(encoded: string): string {
  return encoded.includes('%') ? encoded.replace(ESCAPES, normalizeEscape) : encoded;
}
