import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

// The SDK's own codec: the prelude, the CRCs and the header encoding are exactly what its decoder checks.
const codec = new EventStreamCodec(toUtf8, fromUtf8);

const event = (type: string, contentType: string, body: Uint8Array): Uint8Array =>
  codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: contentType },
    },
    body,
  });

/** One `PayloadChunk` event: the function's bytes as they are, its event payload. */
export function encodePayloadChunk(bytes: Uint8Array): Uint8Array {
  return event('PayloadChunk', 'application/octet-stream', bytes);
}

/** What InvokeComplete says: nothing when the function succeeded, its error code and details when it failed. */
export interface CompleteFields {
  ErrorCode?: string;
  ErrorDetails?: string;
  LogResult?: string;
}

/** The `InvokeComplete` event that ends every stream, with its fields as JSON. */
export function encodeInvokeComplete(fields: CompleteFields): Uint8Array {
  return event('InvokeComplete', 'application/json', fromUtf8(JSON.stringify(fields)));
}
