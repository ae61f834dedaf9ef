import { request as httpRequest, type Agent, type ClientRequest } from 'node:http';
import { Writable } from 'node:stream';
import type { OpenSink, ResponseSink } from './awslambda-global';
import type { ErrorReport } from './instance-messages';

type WriteCallback = (error?: Error | null) => void;

/** Where a Runtime API is and how to reach it: `host:port`, the API's path prefix, the agent to use. */
export interface RuntimeApiTarget {
  host: string;
  port: number;
  path: string;
  agent: Agent;
}

/**
 * A streaming handler's bytes posted to the Runtime API as the runtime's client posts them: one
 * chunked POST with the streaming response mode and the stream's content type, each write sent as
 * it comes (the request's own back-pressure), a handler's error as the two trailers.
 */
class RuntimeApiSink extends Writable implements ResponseSink {
  private readonly request: ClientRequest;
  private readonly reportOf: (error: unknown) => ErrorReport;

  constructor(request: ClientRequest, reportOf: (error: unknown) => ErrorReport) {
    super();
    this.request = request;
    this.reportOf = reportOf;
    request.once('error', (error) => this.destroy(error));
  }

  reportFailure(thrown: unknown): void {
    const error = this.reportOf(thrown);
    this.request.addTrailers({
      'Lambda-Runtime-Function-Error-Type': error.errorType,
      'Lambda-Runtime-Function-Error-Body': Buffer.from(JSON.stringify(error)).toString('base64'),
    });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: WriteCallback): void {
    if (this.request.write(chunk)) callback();
    else this.request.once('drain', () => callback());
  }

  override _final(callback: WriteCallback): void {
    this.request.end(() => callback());
  }
}

export interface StreamedPost {
  /** Opens the POST once the stream's content type is final, as the runtime's client sends its headers at the first write or end. */
  open: OpenSink;
  /** Settles once the Runtime API has answered the POST (the stream has ended). */
  answered: Promise<void>;
}

/**
 * Prepares the streamed `POST /invocation/<id>/response` of one invocation. `reportOf` turns a
 * handler's error into the report its trailers carry.
 */
export function postStreamedResponse(
  target: RuntimeApiTarget,
  awsRequestId: string,
  reportOf: (error: unknown) => ErrorReport,
): StreamedPost {
  const answer = { resolve: (): void => undefined, reject: (_error: unknown): void => undefined };
  const answered = new Promise<void>((resolve, reject) => Object.assign(answer, { resolve, reject }));
  const open: OpenSink = (contentType) => {
    const request = httpRequest({
      host: target.host,
      port: target.port,
      method: 'POST',
      path: `${target.path}/invocation/${encodeURIComponent(awsRequestId)}/response`,
      agent: target.agent,
      headers: {
        'Lambda-Runtime-Function-Response-Mode': 'streaming',
        'Content-Type': contentType,
        'Transfer-Encoding': 'chunked',
        Trailer: 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body',
      },
    });
    request.once('response', (incoming) => incoming.resume().once('end', answer.resolve).once('error', answer.reject));
    request.once('error', answer.reject);
    return new RuntimeApiSink(request, reportOf);
  };
  return { open, answered };
}
