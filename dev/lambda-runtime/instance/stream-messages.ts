/**
 * What travels on the MessagePort of one streamed invocation. The instance sends the stream's
 * content type once it is final, then each chunk as the handler writes it, then `end`; the local
 * API acknowledges the bytes it has handed on to the client, and the instance keeps at most
 * `STREAM_WINDOW_BYTES` unacknowledged, so a slow client slows the handler's `write()` down.
 */
export type StreamMessage = { type: 'open'; contentType: string } | { type: 'chunk'; bytes: Uint8Array } | { type: 'end' };

/** From the local API to the instance: bytes sent on to the client, or the client is gone. */
export type StreamReply = { type: 'ack'; bytes: number } | { type: 'abort' };

/** Bytes in flight between an instance and the local API before the instance's writes wait. */
export const STREAM_WINDOW_BYTES = 64 * 1024;
