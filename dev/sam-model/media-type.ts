import { essenceOf, matchMediaTypes } from '../../shared/media-type';

/**
 * Whether a request's or response's media type is one of an API's BinaryMediaTypes, as API
 * Gateway decides it; a missing Content-Type is binary only under `*\/*`.
 */
export function isBinaryMediaType(mediaType: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  const essence = essenceOf(mediaType);
  if (essence === '') return binaryMediaTypes.some((type) => type.trim() === '*/*');
  return matchMediaTypes(binaryMediaTypes)(essence);
}

/** API Gateway honours only the first media type of an Accept header. */
export function firstAcceptedType(accept: string | undefined): string | undefined {
  const first = accept?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}
