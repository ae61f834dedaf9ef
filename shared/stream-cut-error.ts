/**
 * How a streamed invocation fails once its head has gone out: the handler rejects with this and
 * leaves the stream open. The runtime client turns a rejection into the
 * `Lambda-Runtime-Function-Error-Type` and `-Body` trailers only while the stream is open (ending
 * it first, or destroying it, sends none: see tests/runtime-client/stream-failures.test.ts), so
 * Lambda counts the invocation as an error and the gateway never finishes the client's body
 * cleanly. Its message names the cause, never the app's own error text.
 */
export class StreamCutError extends Error {
  override readonly name = 'StreamCutError';
}
