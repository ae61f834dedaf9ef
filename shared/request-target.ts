// Characters RFC 3986 allows in a path, plus valid %XX escapes. Anything else (space, `?`, `#`,
// non-ASCII, controls, a stray `%`) would change how the app parses the URL, so it is escaped.
const CLEAN_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const CLEAN_QUERY = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;
const PATH_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const QUERY_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const ESCAPE = /^%[0-9A-Fa-f]{2}/;

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

/** A base path in canonical form: leading slash, no trailing slash, `''` for none. */
export function normalizeBasePath(basePath: string | undefined): string {
  if (!basePath) return '';
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Removes `basePath` (normalized) from the front of `path`, only at a segment boundary:
 * `/express` turns `/express/ping` into `/ping` and `/express` into `/`, never `/expressions`.
 */
export function stripBasePath(path: string, basePath: string): string {
  if (basePath === '' || !path.startsWith(basePath)) return path;
  if (path.length === basePath.length) return '/';
  return path.charCodeAt(basePath.length) === 47 /* '/' */ ? path.slice(basePath.length) : path;
}
