// The model of a SAM template that everything above it asks (the local API, tests, benchmarks):
// what readTemplate returns. Types only, so the readers of each part import them without importing each other.

/** One stage of an HTTP API (AWS::Serverless::HttpApi, or the one SAM creates for HttpApi events). */
export interface HttpApiStage {
  logicalId: string;
  /** `$default` (no stage in the URL) or a named stage, which is the URL's first segment. */
  stageName: string;
  stageVariables: Record<string, string> | null;
  /** `CorsConfiguration`: the HTTP API answers preflights itself and adds the headers to responses. */
  cors: HttpCors | undefined;
}

/** Where an authorizer's identity comes from; a request missing any of them is refused 401 unasked. */
export interface IdentitySources {
  headers: string[];
  queryStrings: string[];
  stageVariables: string[];
  /** `$context` variables, e.g. `identity.sourceIp`. */
  context: string[];
}

/** A Lambda authorizer (`Auth.Authorizers.<name>` with a `FunctionArn`), REST or HTTP API. */
export interface LambdaAuthorizer {
  kind: 'lambda';
  name: string;
  /** The authorizer function's logical id: it runs through the same pool as any function. */
  functionId: string;
  /** REST `FunctionPayloadType`; an HTTP API's Lambda authorizers are REQUEST authorizers. */
  payloadType: 'TOKEN' | 'REQUEST';
  /** TOKEN: `headers` holds the one token header (`Identity.Header`, Authorization by default). */
  identity: IdentitySources;
  /** TOKEN's `Identity.ValidationExpression`: a token it does not match is refused 401 unasked. */
  validationExpression: string | undefined;
  /** `Identity.ReauthorizeEvery`: how long a result is cached per identity; 0 caches nothing. */
  ttlSeconds: number;
  /** HTTP API only: the authorizer's event and response format. REST authorizers get their own. */
  payloadFormatVersion: PayloadFormatVersion | undefined;
  /** HTTP API `EnableSimpleResponses`: `{isAuthorized, context}` instead of an IAM policy. */
  simpleResponses: boolean;
}

/** Auth that cannot be checked offline (AWS_IAM, a Cognito or JWT authorizer): noted at start, let through. */
export interface UncheckedAuthorizer {
  kind: 'unchecked';
  name: string;
  /** `AWS_IAM`, `COGNITO_USER_POOLS`, `JWT`. */
  type: string;
}

/** What guards one route; undefined: nothing does (no authorizer, or `Authorizer: NONE`). */
export type RouteAuthorizer = LambdaAuthorizer | UncheckedAuthorizer | undefined;

/** A REST API's `Cors` as SAM turns it into an OPTIONS method on every path (quotes taken off). */
export interface RestCors {
  allowOrigin: string;
  /** Undefined: the path's own methods and OPTIONS, as SAM lists them. */
  allowMethods: string | undefined;
  allowHeaders: string | undefined;
  maxAge: string | undefined;
  allowCredentials: boolean;
}

/** An HTTP API's `CorsConfiguration`. */
export interface HttpCors {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number | undefined;
  allowCredentials: boolean;
}

export type PayloadFormatVersion = '1.0' | '2.0';

/** An `HttpApi` event: an HTTP API route to a function. */
export interface TemplateHttpRoute {
  /** `GET`, ..., or `ANY`; `ANY` for the `$default` route. */
  method: string;
  /** The route's path as written, e.g. `/items/{id}`, or `$default`, the catch-all route. */
  path: string;
  functionId: string;
  eventName: string;
  payloadFormatVersion: PayloadFormatVersion;
  /** The event's TimeoutInMillis, when it sets one: the HTTP API waits that long instead of 30 s. */
  timeoutMs: number | undefined;
  api: HttpApiStage;
  authorizer: RouteAuthorizer;
}

/** One stage of a REST API (AWS::Serverless::Api), as the functions behind it see it. */
export interface ApiStage {
  logicalId: string;
  stageName: string;
  binaryMediaTypes: string[];
  stageVariables: Record<string, string> | null;
  /** `Cors`: SAM adds an OPTIONS method answering with these headers to every path. */
  cors: RestCors | undefined;
  /** Who guards those OPTIONS methods: the DefaultAuthorizer unless `AddDefaultAuthorizerToCorsPreflight: false`. */
  preflightAuthorizer: RouteAuthorizer;
}

/** `Metadata.BuildProperties` of a function built with `BuildMethod: esbuild`. */
export interface BuildProperties {
  EntryPoints: string[];
  Format?: string;
  Target?: string;
  Minify?: boolean;
  Sourcemap?: boolean;
  SourcesContent?: boolean;
  MainFields?: string;
  External?: string[];
  Loader?: string[];
  OutExtension?: string[];
  Banner?: string[];
}

/** One entry of a function's Events; `properties` stay raw (resolved) so new event types need no change here. */
export interface FunctionEvent {
  name: string;
  /** `Api`, `HttpApi`, ... as written. */
  type: string;
  properties: Readonly<Record<string, unknown>>;
}

export interface TemplateFunction {
  logicalId: string;
  functionName: string;
  runtime: string;
  handler: string;
  /** CodeUri as written (after Globals). */
  codeUri: string;
  /** Absolute CodeUri: `sam build` runs esbuild there, so EntryPoints are relative to it. */
  codeDir: string;
  timeoutSeconds: number;
  memorySize: number;
  environment: Record<string, string>;
  /** Environment.Variables whose value cannot be resolved locally, so they are left unset. */
  unresolvedVariables: string[];
  /** LoggingConfig; LogGroup is a resource's logical id when the template refers to one. */
  logging: { logFormat: string | undefined; applicationLogLevel: string | undefined; logGroup: string | undefined } | undefined;
  /** CapacityProviderConfig: the function runs on Lambda Managed Instances, many invocations at once per environment. */
  capacityProvider: { maxConcurrency: number | undefined } | undefined;
  functionUrl: { authType: string; invokeMode: string | undefined } | undefined;
  build: BuildProperties;
  events: FunctionEvent[];
  /**
   * Whether the function streams its response (its handler is wrapped by `streamifyResponse`):
   * an Api event with `ResponseTransferMode: RESPONSE_STREAM`, or a Function URL in RESPONSE_STREAM mode.
   */
  responseStreaming: boolean;
}

/** An `Api` event: a REST API route to a function. */
export interface TemplateRoute {
  method: string;
  /** The resource path as written in the template, e.g. `/express/{proxy+}`. */
  path: string;
  functionId: string;
  eventName: string;
  api: ApiStage;
  /** `ResponseTransferMode: RESPONSE_STREAM`: a STREAM integration, which invokes with response streaming. */
  responseStreaming: boolean;
  authorizer: RouteAuthorizer;
}

export interface SamTemplate {
  /** Absolute path of the template file. */
  file: string;
  /** The parsed template as written (short forms in long form, nothing resolved), for structural checks. */
  document: Readonly<Record<string, unknown>>;
  /** The parameters' values: their overrides where given, else their defaults. */
  parameters: Record<string, unknown>;
  functions: TemplateFunction[];
  apis: ApiStage[];
  /** The REST API (`Api` event) routes. */
  routes: TemplateRoute[];
  /** HTTP APIs: the explicit ones, and `ServerlessHttpApi` when an HttpApi event has no ApiId. */
  httpApis: HttpApiStage[];
  /** The HTTP API (`HttpApi` event) routes. */
  httpRoutes: TemplateHttpRoute[];
  /** Output values, resolved. */
  outputs: Record<string, unknown>;
  /** What a local run cannot honour, for the console. */
  warnings: string[];
}
