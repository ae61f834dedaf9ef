import { TemplateError, type Fields } from './read-fields';
import type { IdentitySources, PayloadFormatVersion, RouteAuthorizer } from './sam-template';

/** An API's `Auth`: its authorizers by name and the one routes get unless they name another. */
export interface ApiAuth {
  authorizers: ReadonlyMap<string, Exclude<RouteAuthorizer, undefined>>;
  defaultAuthorizer: string | undefined;
  /** REST `AddDefaultAuthorizerToCorsPreflight` (true unless set false): the OPTIONS methods SAM adds are guarded too. */
  guardsPreflight: boolean;
}

/** Finds the function a `FunctionArn` names: `!GetAtt Fn.Arn` arrives as `Fn.Arn`, an ARN by its `:function:<name>`. */
export type FunctionIdOf = (functionArn: string) => string | undefined;

// A route's `Auth.Authorizer: NONE` opts out of the DefaultAuthorizer; AWS_IAM needs no declaration.
const NONE = 'NONE';
const AWS_IAM = 'AWS_IAM';
// API Gateway's cache time when a REST authorizer does not say (SAM leaves it to API Gateway).
const REST_DEFAULT_TTL_SECONDS = 300;

export const NO_AUTH: ApiAuth = { authorizers: new Map(), defaultAuthorizer: undefined, guardsPreflight: false };

function readIdentitySources(identity: Fields | undefined): IdentitySources {
  return {
    headers: identity?.optionalStringList('Headers') ?? [],
    queryStrings: identity?.optionalStringList('QueryStrings') ?? [],
    stageVariables: identity?.optionalStringList('StageVariables') ?? [],
    context: identity?.optionalStringList('Context') ?? [],
  };
}

// A pattern that does not compile would fail every request; say so when the template is read.
function readValidationExpression(identity: Fields | undefined): string | undefined {
  const pattern = identity?.optionalString('ValidationExpression');
  if (pattern === undefined) return undefined;
  try {
    new RegExp(pattern);
  } catch (error) {
    throw new TemplateError(`${identity?.where}.ValidationExpression is not a regular expression: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return pattern;
}

function readFunctionId(authorizer: Fields, functionIdOf: FunctionIdOf): string {
  const arn = authorizer.string('FunctionArn');
  const functionId = functionIdOf(arn);
  if (functionId === undefined)
    throw new TemplateError(`${authorizer.where}.FunctionArn names ${arn}, which is no function of this template`);
  return functionId;
}

function readPayloadType(authorizer: Fields): 'TOKEN' | 'REQUEST' {
  const type = (authorizer.optionalString('FunctionPayloadType') ?? 'TOKEN').toUpperCase();
  if (type === 'TOKEN' || type === 'REQUEST') return type;
  throw new TemplateError(`${authorizer.where}.FunctionPayloadType must be TOKEN or REQUEST, not ${type}`);
}

function readRestAuthorizer(name: string, authorizer: Fields, functionIdOf: FunctionIdOf): Exclude<RouteAuthorizer, undefined> {
  if (!authorizer.has('FunctionArn'))
    return { kind: 'unchecked', name, type: authorizer.has('UserPoolArn') ? 'COGNITO_USER_POOLS' : 'unknown' };
  const identity = authorizer.optionalMap('Identity');
  const payloadType = readPayloadType(authorizer);
  const sources = readIdentitySources(identity);
  return {
    kind: 'lambda',
    name,
    functionId: readFunctionId(authorizer, functionIdOf),
    payloadType,
    identity: payloadType === 'TOKEN' ? { ...sources, headers: [identity?.optionalString('Header') ?? 'Authorization'] } : sources,
    validationExpression: payloadType === 'TOKEN' ? readValidationExpression(identity) : undefined,
    ttlSeconds: identity?.optionalNumber('ReauthorizeEvery') ?? REST_DEFAULT_TTL_SECONDS,
    payloadFormatVersion: undefined,
    simpleResponses: false,
  };
}

function readFormatVersion(authorizer: Fields): PayloadFormatVersion {
  const version =
    authorizer.optionalString('AuthorizerPayloadFormatVersion') ?? authorizer.optionalNumber('AuthorizerPayloadFormatVersion')?.toFixed(1);
  if (version === undefined || version === '2.0') return '2.0';
  if (version === '1.0') return '1.0';
  throw new TemplateError(`${authorizer.where}.AuthorizerPayloadFormatVersion must be '1.0' or '2.0', not ${JSON.stringify(version)}`);
}

function readHttpAuthorizer(name: string, authorizer: Fields, functionIdOf: FunctionIdOf): Exclude<RouteAuthorizer, undefined> {
  if (!authorizer.has('FunctionArn')) return { kind: 'unchecked', name, type: authorizer.has('JwtConfiguration') ? 'JWT' : 'unknown' };
  const identity = authorizer.optionalMap('Identity');
  return {
    kind: 'lambda',
    name,
    functionId: readFunctionId(authorizer, functionIdOf),
    payloadType: 'REQUEST',
    identity: readIdentitySources(identity),
    validationExpression: undefined,
    // An HTTP API caches nothing unless the authorizer sets a TTL (authorizerResultTtlInSeconds).
    ttlSeconds: identity?.optionalNumber('ReauthorizeEvery') ?? 0,
    payloadFormatVersion: readFormatVersion(authorizer),
    simpleResponses: authorizer.optionalBoolean('EnableSimpleResponses') ?? false,
  };
}

/** An API's `Auth` (Globals merged): REST authorizers when `kind` is 'rest', HTTP API ones otherwise. */
export function readApiAuth(properties: Fields, kind: 'rest' | 'http', functionIdOf: FunctionIdOf): ApiAuth {
  const auth = properties.optionalMap('Auth');
  if (!auth) return NO_AUTH;
  const declared = auth.optionalMap('Authorizers');
  const read = kind === 'rest' ? readRestAuthorizer : readHttpAuthorizer;
  const authorizers = new Map(
    Object.keys(declared?.raw ?? {}).map((name) => [name, read(name, (declared as Fields).map(name), functionIdOf)]),
  );
  const defaultAuthorizer = auth.optionalString('DefaultAuthorizer');
  if (defaultAuthorizer !== undefined && defaultAuthorizer !== AWS_IAM && !authorizers.has(defaultAuthorizer))
    throw new TemplateError(`${auth.where}.DefaultAuthorizer names ${defaultAuthorizer}, which Authorizers does not declare`);
  return { authorizers, defaultAuthorizer, guardsPreflight: auth.optionalBoolean('AddDefaultAuthorizerToCorsPreflight') ?? true };
}

function byName(auth: ApiAuth, name: string | undefined, where: string): RouteAuthorizer {
  if (name === undefined || name === NONE) return undefined;
  if (name === AWS_IAM) return { kind: 'unchecked', name, type: AWS_IAM };
  const authorizer = auth.authorizers.get(name);
  if (!authorizer) throw new TemplateError(`${where} names authorizer ${name}, which the API's Auth.Authorizers does not declare`);
  return authorizer;
}

/** What guards an event's route: its own `Auth.Authorizer` (NONE opts out), else the API's DefaultAuthorizer. */
export function readRouteAuthorizer(auth: ApiAuth, eventProperties: Fields): RouteAuthorizer {
  const own = eventProperties.optionalMap('Auth')?.optionalString('Authorizer');
  return byName(auth, own ?? auth.defaultAuthorizer, `${eventProperties.where}.Auth.Authorizer`);
}

/** Who guards the OPTIONS methods SAM adds for Cors: the DefaultAuthorizer, unless the API says otherwise. */
export function readPreflightAuthorizer(auth: ApiAuth): RouteAuthorizer {
  return auth.guardsPreflight ? byName(auth, auth.defaultAuthorizer, 'DefaultAuthorizer') : undefined;
}
