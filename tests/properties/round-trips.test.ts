import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { createHandler } from '../../shared';
import { headerName, headerValue, requestBody } from '../support/arbitraries';
import { FORMATS } from '../support/formats';
import { lambdaContext } from '../support/lambda-context';
import { echoRequest, scriptedListener, type EchoedRequest, type ScriptedResponse } from '../support/raw-apps';
import { request } from '../../dev/sample-events/sample-request';

const echoHandler = createHandler(echoRequest);

let nextResponse: ScriptedResponse = { statusCode: 200, headers: {}, body: Buffer.alloc(0) };
const scriptedHandler = createHandler(scriptedListener(() => nextResponse));

const TEXT_TYPES = ['text/plain', 'text/html; charset=utf-8', 'application/json', 'application/problem+json', 'image/svg+xml'];
const BINARY_TYPES = ['image/png', 'application/octet-stream', 'application/pdf'];

const responseBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ unit: 'grapheme', maxLength: 100 }).map((text) => Buffer.from(text, 'utf8')),
);

/** The values one name has in Node's rawHeaders form, in order. */
function rawValues(rawHeaders: readonly string[], name: string): string[] {
  return rawHeaders.flatMap((item, i) => (i % 2 === 0 && item.toLowerCase() === name ? [rawHeaders[i + 1] as string] : []));
}

describe.each(FORMATS.map((format) => [format.name, format] as const))('%s', (_name, format) => {
  it('any body bytes reach the app unchanged, with content-length their count', async () => {
    await fc.assert(
      fc.asyncProperty(requestBody, fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'), async ({ body, isBase64 }, method) => {
        const event = format.buildEvent(request({ method, path: '/upload', body, isBase64 }));
        const echoed = JSON.parse(format.readResult(await echoHandler(event, lambdaContext())).body.toString('utf8')) as EchoedRequest;
        expect(Buffer.from(echoed.body, 'base64').equals(body)).toBe(true);
        // An empty DELETE may carry no content-length at all, as from a real client.
        expect(echoed.contentLength ?? '0').toBe(String(body.length));
      }),
      { numRuns: 60 },
    );
  });

  it('any response bytes decode back unchanged; text only for a text type, unencoded, valid UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(
        responseBytes,
        fc.option(fc.constantFrom(...TEXT_TYPES, ...BINARY_TYPES), { nil: undefined }),
        fc.constantFrom(undefined, 'gzip', 'br', 'identity'),
        async (body, contentType, contentEncoding) => {
          nextResponse = { statusCode: 200, headers: { 'content-type': contentType, 'content-encoding': contentEncoding }, body };
          const result = await scriptedHandler(format.buildEvent(request({ path: '/download' })), lambdaContext());
          expect(format.shapeProblems(result)).toEqual([]);
          expect(format.readResult(result).body.equals(body)).toBe(true);
          const asText = TEXT_TYPES.includes(contentType ?? '') && (contentEncoding ?? 'identity') === 'identity' && isUtf8(body);
          if (body.length > 0) expect(result).toMatchObject({ isBase64Encoded: !asText });
        },
      ),
      { numRuns: 80 },
    );
  });

  it('any response bytes written in any chunks, framed by the app or not, arrive whole and unframed', async () => {
    const chunked = responseBytes.chain((body) =>
      fc.record({ body: fc.constant(body), cuts: fc.array(fc.nat({ max: body.length }), { maxLength: 6 }), framed: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(chunked, async ({ body, cuts, framed }) => {
        const headers = { 'content-type': 'application/octet-stream', 'transfer-encoding': framed ? 'chunked' : undefined };
        nextResponse = { statusCode: 200, headers, body, cuts };
        const result = await scriptedHandler(format.buildEvent(request({ path: '/stream' })), lambdaContext());
        expect(format.shapeProblems(result)).toEqual([]);
        const read = format.readResult(result);
        expect(read.body.equals(body)).toBe(true);
        expect(read.headers).not.toHaveProperty('transfer-encoding');
      }),
      { numRuns: 60 },
    );
  });

  it('any list of request header values reaches the app as the format delivers it, in order', async () => {
    await fc.assert(
      fc.asyncProperty(headerName, fc.array(headerValue, { minLength: 1, maxLength: 5 }), async (name, values) => {
        const event = format.buildEvent(request({ path: '/headers', headers: values.map((value) => [name, value] as const) }));
        const echoed = JSON.parse(format.readResult(await echoHandler(event, lambdaContext())).body.toString('utf8')) as EchoedRequest;
        expect(rawValues(echoed.rawHeaders, name)).toEqual(format.requestHeaderValues(values));
      }),
      { numRuns: 60 },
    );
  });

  it('any list of response header values reads back from the result as the format carries it, in order', async () => {
    await fc.assert(
      fc.asyncProperty(headerName, fc.array(headerValue, { minLength: 1, maxLength: 5 }), async (name, values) => {
        nextResponse = { statusCode: 200, headers: { [name]: values }, body: Buffer.from('ok') };
        const result = await scriptedHandler(format.buildEvent(request({ path: '/headers' })), lambdaContext());
        expect(format.shapeProblems(result)).toEqual([]);
        expect(format.readResult(result).headers[name]).toEqual(format.responseHeaderValues(values));
      }),
      { numRuns: 60 },
    );
  });

  it('any list of Set-Cookie values reaches the client intact (ALB single-value mode: the first)', async () => {
    const cookieValue = headerValue.filter((value) => value !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(cookieValue, { minLength: 1, maxLength: 4 }), async (cookies) => {
        nextResponse = { statusCode: 200, headers: { 'set-cookie': cookies }, body: Buffer.from('ok') };
        const writes = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
        try {
          const result = await scriptedHandler(format.buildEvent(request({ path: '/cookies' })), lambdaContext());
          expect(format.shapeProblems(result)).toEqual([]);
          expect(format.readResult(result).cookies).toEqual(format.carriesEveryCookie ? cookies : cookies.slice(0, 1));
        } finally {
          writes.mockRestore();
        }
      }),
      { numRuns: 40 },
    );
  });
});
