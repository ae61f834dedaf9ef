import type { AuthorizerResult } from './read-authorizer-result';

/** Authorizer results by authorizer and identity, each kept for its authorizer's ReauthorizeEvery. */
export interface AuthorizerCache {
  get(key: string): AuthorizerResult | undefined;
  set(key: string, result: AuthorizerResult, ttlSeconds: number): void;
}

// Many distinct tokens (a scan, a fuzzer) must not grow the cache without end.
const MAX_ENTRIES = 10_000;

export function createAuthorizerCache(now: () => number = Date.now): AuthorizerCache {
  const entries = new Map<string, { result: AuthorizerResult; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return entry.result;
      entries.delete(key);
      return undefined;
    },
    set(key, result, ttlSeconds) {
      if (ttlSeconds <= 0) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { result, expiresAt: now() + ttlSeconds * 1000 });
    },
  };
}
