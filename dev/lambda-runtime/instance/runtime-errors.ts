// The errors nodejs24.x's runtime raises at init, one class each: the name is what the runtime
// posts as errorType, and the class name is what its JSON log lines show as errorType.

export class MalformedHandlerNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.MalformedHandlerName';
  }
}

export class ImportModuleError extends Error {
  constructor(cause: unknown) {
    super(String(cause));
    this.name = 'Runtime.ImportModuleError';
  }
}

export class UserCodeSyntaxError extends Error {
  constructor(cause: SyntaxError) {
    super(String(cause));
    this.name = 'Runtime.UserCodeSyntaxError';
    // The runtime shows where the syntax error is, not where the loader noticed it.
    if (cause.stack !== undefined) this.stack = cause.stack;
  }
}

export class HandlerNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.HandlerNotFound';
  }
}

export class MalformedStreamingHandlerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.MalformedStreamingHandler';
  }
}

export class CallbackHandlerDeprecatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Runtime.CallbackHandlerDeprecated';
  }
}

export class JSONStringifyError extends Error {
  constructor() {
    super('Unable to stringify response body');
    this.name = 'Runtime.JSONStringifyError';
  }
}
