import { TemplateError, type Fields } from './read-fields';
import type { HttpCors, RestCors } from './sam-template';

// SAM takes a REST API's Cors values as the literal header values API Gateway maps: `"'*'"`.
function unquote(value: string): string {
  return value.length >= 2 && value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1) : value;
}

/** A REST API's `Cors`: a string (the allowed origin) or a map; undefined when the API has none. */
export function readRestCors(properties: Fields): RestCors | undefined {
  const value = properties.raw['Cors'];
  if (value === undefined) return undefined;
  if (typeof value === 'string')
    return { allowOrigin: unquote(value), allowMethods: undefined, allowHeaders: undefined, maxAge: undefined, allowCredentials: false };
  const cors = properties.map('Cors');
  const optional = (name: string) => {
    const text = cors.optionalString(name) ?? cors.optionalNumber(name)?.toString();
    return text === undefined ? undefined : unquote(text);
  };
  return {
    allowOrigin: unquote(cors.string('AllowOrigin')),
    allowMethods: optional('AllowMethods'),
    allowHeaders: optional('AllowHeaders'),
    maxAge: optional('MaxAge'),
    allowCredentials: cors.optionalBoolean('AllowCredentials') ?? false,
  };
}

/** An HTTP API's `CorsConfiguration`: `true` allows every origin, or a map; undefined when it has none. */
export function readHttpCors(properties: Fields): HttpCors | undefined {
  const value = properties.raw['CorsConfiguration'];
  if (value === undefined || value === false) return undefined;
  if (value === true)
    return { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: [], maxAge: undefined, allowCredentials: false };
  const cors = properties.map('CorsConfiguration');
  const list = (name: string) => cors.optionalStringList(name) ?? [];
  const config: HttpCors = {
    allowOrigins: list('AllowOrigins'),
    allowMethods: list('AllowMethods').map((method) => method.toUpperCase()),
    allowHeaders: list('AllowHeaders'),
    exposeHeaders: list('ExposeHeaders'),
    maxAge: cors.optionalNumber('MaxAge'),
    allowCredentials: cors.optionalBoolean('AllowCredentials') ?? false,
  };
  // API Gateway refuses this pair at deploy time; a browser would too.
  if (config.allowCredentials && config.allowOrigins.includes('*'))
    throw new TemplateError(`${cors.where}: AllowCredentials cannot be true with AllowOrigins '*'`);
  return config;
}
