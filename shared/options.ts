import { matchMediaTypes, type MediaTypeMatcher } from './media-type';
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

/** Options in the form the hot path reads: normalized once, when the handler is created. */
export interface ProxySettings extends TargetSettings {
  readonly isForcedBinary: MediaTypeMatcher;
  readonly isForcedText: MediaTypeMatcher;
}

export function resolveSettings(options: ProxyOptions = {}): ProxySettings {
  return {
    basePath: normalizePathPrefix(options.basePath),
    keepStage: options.keepStage === true,
    isForcedBinary: matchMediaTypes(options.binaryMediaTypes),
    isForcedText: matchMediaTypes(options.textMediaTypes),
  };
}
