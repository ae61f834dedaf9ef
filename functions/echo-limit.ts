import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../shared';

/*
 * The largest body `POST /echo` takes, the same in every app and in both handlers. The buffered
 * answer is what binds: Lambda takes at most 6,291,556 bytes of JSON each way (the figure its
 * error message states, `LAMBDA_RESPONSE_LIMIT_BYTES`), and a
 * binary body travels base64 both in the event and in the result (the REST API's
 * BinaryMediaTypes make every request body base64), 4 characters for every 3 bytes. 64 KiB stay
 * for the rest of the JSON: a REST API's request line and headers (at most 10,240 bytes) appear
 * twice in a v1 event, as `headers` and `multiValueHeaders`, plus the request context.
 *   floor((6,291,556 - 65,536) / 4) * 3 = 1,556,505 * 3 = 4,669,515 bytes (4.45 MiB)
 * A streaming function has no 6 MiB cap on its answer, but its event has the same one; API
 * Gateway itself refuses requests over 10 MB. Above this limit every app answers 413 JSON.
 * A text answer travels as a JSON string instead, which ordinary text outgrows far less than
 * base64; a body of control characters (six bytes each, `\u0001`) can still pass 6 MiB and get
 * the helper's 500.
 */
const HEADROOM_BYTES = 64 * 1024;

export const ECHO_LIMIT_BYTES = Math.floor((LAMBDA_RESPONSE_LIMIT_BYTES - HEADROOM_BYTES) / 4) * 3;
