import { normalizePathPrefix, type TargetSettings } from './request-target';

/** What `createHandler` accepts besides the app. */
export interface ProxyOptions {
  /**
   * A prefix removed from the path, at a segment boundary only: `/express` maps `/express/ping` to
   * `/ping`. Compared percent-encoded in one normal form, so `/café` also strips `/caf%C3%A9/...`.
   */
  basePath?: string;
  /** HTTP API named stages put `/<stage>` in `rawPath`; it is removed unless this is true. */
  keepStage?: boolean;
  /** Media types (`image/*` allowed) always answered base64, whatever their content. */
  binaryMediaTypes?: readonly string[];
  /** Media types always answered as UTF-8 text, whatever their content. */
  textMediaTypes?: readonly string[];
}

export type MediaTypeMatcher = (mediaType: string) => boolean;

/** Options in the form the hot path reads: normalized once, when the handler is created. */
export interface ProxySettings extends TargetSettings {
  readonly isForcedBinary: MediaTypeMatcher;
  readonly isForcedText: MediaTypeMatcher;
}

function matchMediaTypes(patterns: readonly string[] | undefined): MediaTypeMatcher {
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

export function resolveSettings(options: ProxyOptions = {}): ProxySettings {
  return {
    basePath: normalizePathPrefix(options.basePath),
    keepStage: options.keepStage === true,
    isForcedBinary: matchMediaTypes(options.binaryMediaTypes),
    isForcedText: matchMediaTypes(options.textMediaTypes),
  };
}
