import { ECHO_LIMIT_BYTES } from '../../functions/echo-limit';
import { LAMBDA_RESPONSE_LIMIT_BYTES } from '../../shared';
import { request, type RequestSpec } from '../../dev/sample-events/sample-request';
import { captureLogs } from '../support/log-capture';
import { CELL_ROWS, exchange, json } from '../support/matrix';

const TEXT = Buffer.from('{"hello":"lambda","quote":"caf\u00e9 \u2603"}');
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x80]);

function post(body: Buffer, contentType?: string): RequestSpec {
  const headers: [string, string][] = contentType === undefined ? [] : [['Content-Type', contentType]];
  return request({ method: 'POST', path: '/echo', headers, body, isBase64: true });
}

describe.each(CELL_ROWS)('%s', (_name, cell) => {
  captureLogs();

  it.each([
    ['application/json', TEXT],
    ['text/plain', TEXT],
    ['text/plain; charset=iso-8859-1', Buffer.from([0x63, 0x61, 0x66, 0xe9])],
    ['application/vnd.api+json', TEXT],
    ['application/x-www-form-urlencoded', Buffer.from('a=1&b=caf%C3%A9')],
    ['multipart/form-data; boundary=x', Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n')],
    ['image/png', BINARY],
    ['application/octet-stream', BINARY],
  ])('/echo answers %s exactly as sent, and the same bytes', async (contentType, body) => {
    const { response } = await exchange(cell, post(body, contentType));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toEqual([contentType]);
    expect(response.body.equals(body)).toBe(true);
  });

  it('/echo answers a body sent with no content type as application/octet-stream', async () => {
    const { response } = await exchange(cell, post(BINARY));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toEqual(['application/octet-stream']);
    expect(response.body.equals(BINARY)).toBe(true);
  });

  it('/echo answers an empty body with 200 and no bytes', async () => {
    const { response } = await exchange(cell, post(Buffer.alloc(0), 'text/plain'));
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(0);
  });

  it(`/echo answers a body one byte over ${ECHO_LIMIT_BYTES} with 413 {"message":"Payload Too Large"}`, async () => {
    const { response } = await exchange(cell, post(Buffer.alloc(ECHO_LIMIT_BYTES + 1, 0xff), 'application/octet-stream'));
    expect(response.status).toBe(413);
    expect(response.headers['content-type']?.[0]).toMatch(/^application\/json\b/);
    expect(json(response)).toEqual({ message: 'Payload Too Large' });
  });

  const limitSized = (): RequestSpec => post(Buffer.alloc(ECHO_LIMIT_BYTES, 0xff), 'application/octet-stream');

  if (cell.format.name.startsWith('alb')) {
    it("/echo's limit-sized answer passes ALB's 1 MB and becomes the helper's 500 (the limit is set for API Gateway)", async () => {
      const { response } = await exchange(cell, limitSized());
      expect(response.status).toBe(500);
      expect(json(response)).toEqual({ message: 'Internal Server Error' });
    });
  } else {
    it('/echo answers a binary body of exactly the limit whole, its event and its result within 6 MiB each', async () => {
      const spec = limitSized();
      const { event, result, response } = await exchange(cell, spec);
      expect(response.status).toBe(200);
      expect(response.body.equals(spec.body ?? Buffer.alloc(0))).toBe(true);
      expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT_BYTES);
      expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT_BYTES);
    });
  }
});
