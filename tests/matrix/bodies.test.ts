import { gunzipSync } from 'node:zlib';
import { CHUNKS, GZIP_JSON, PNG_BYTES, type Inspection } from '../support/apps';
import { withBody, withHeader } from '../support/event-edits';
import { isRecord } from '../../shared/event-fields';
import { captureLogs } from '../support/log-capture';
import { CELL_ROWS, exchange, json } from '../support/matrix';
import { request } from '../../dev/sample-events/sample-request';

describe.each(CELL_ROWS)('%s', (_name, cell) => {
  // The /cookies answer makes ALB single-value mode log its dropped-cookie warning: keep it out of the output.
  captureLogs();

  describe('response bodies', () => {
    it('PNG bytes round-trip: isBase64Encoded is true and the decoded bytes are the PNG', async () => {
      const { result, response } = await exchange(cell, request({ path: '/png' }));
      expect(cell.format.shapeProblems(result)).toEqual([]);
      expect(result).toMatchObject({ isBase64Encoded: true });
      expect(response.headers['content-type']).toEqual(['image/png']);
      expect(response.body.equals(PNG_BYTES)).toBe(true);
    });

    it('a gzip-encoded JSON body is sent base64 and gunzips to the JSON', async () => {
      const { result, response } = await exchange(cell, request({ path: '/gzip' }));
      expect(result).toMatchObject({ isBase64Encoded: true });
      expect(response.headers['content-encoding']).toEqual(['gzip']);
      expect(JSON.parse(gunzipSync(response.body).toString('utf8'))).toEqual(GZIP_JSON);
    });

    it('a JSON body is sent as text', async () => {
      const { result } = await exchange(cell, request({ path: '/ping' }));
      expect(result).toMatchObject({ isBase64Encoded: false });
      expect(() => JSON.parse((result as { body: string }).body)).not.toThrow();
    });

    it.each([
      ['several res.write chunks', ''],
      ['chunks the app framed itself with Transfer-Encoding: chunked', '?framing=explicit'],
    ])('%s arrive whole, never chunk-framed, with no transfer-encoding or connection header', async (_case, suffix) => {
      const query: [string, string][] = suffix === '' ? [] : [['framing', 'explicit']];
      const { result, response } = await exchange(cell, request({ path: '/chunked', query }));
      expect(cell.format.shapeProblems(result)).toEqual([]);
      expect(response.status).toBe(200);
      expect(response.body.toString('utf8')).toBe(CHUNKS.join(''));
      expect(response.headers).not.toHaveProperty('transfer-encoding');
      expect(response.headers).not.toHaveProperty('connection');
    });

    it("HEAD answers with no body and the GET's headers", async () => {
      const get = await exchange(cell, request({ path: '/png' }));
      const head = await exchange(cell, request({ method: 'HEAD', path: '/png' }));
      expect(head.response.status).toBe(200);
      expect(head.response.body.length).toBe(0);
      expect(head.response.headers['content-type']).toEqual(get.response.headers['content-type']);
      expect(head.response.headers['content-length']).toEqual(get.response.headers['content-length']);
      expect(get.response.headers['content-length']).toEqual([String(PNG_BYTES.length)]);
    });
  });

  describe('request bodies', () => {
    const binary = Buffer.from([0x89, 0x50, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x80, 0x7f]);

    it('a base64 body is decoded; content-length is the decoded byte count even when the client understates it', async () => {
      const spec = request({
        method: 'POST',
        path: '/inspect',
        headers: [
          ['Content-Type', 'application/octet-stream'],
          ['Content-Length', '3'],
        ],
        body: binary,
        isBase64: true,
      });
      const { response } = await exchange(cell, spec);
      const seen = json<Inspection>(response);
      expect(Buffer.from(seen.body, 'base64').equals(binary)).toBe(true);
      expect(seen.headers['content-length']).toBe(String(binary.length));
    });

    it('a text body reaches the app as its UTF-8 bytes, content-length counted in bytes', async () => {
      const text = 'caf\u00e9 \u2603 \ud83d\ude00';
      const spec = request({
        method: 'PUT',
        path: '/inspect',
        headers: [['content-type', 'text/plain; charset=utf-8']],
        body: Buffer.from(text),
      });
      const { response } = await exchange(cell, spec);
      const seen = json<Inspection>(response);
      expect(Buffer.from(seen.body, 'base64').toString('utf8')).toBe(text);
      expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(text)));
    });

    it('a lying transfer-encoding from the client is not passed to the app', async () => {
      const spec = request({ method: 'POST', path: '/inspect', headers: [['content-type', 'text/plain']], body: Buffer.from('abc') });
      const { response } = await exchange(cell, spec, { alter: withHeader('transfer-encoding', 'chunked') });
      const seen = json<Inspection>(response);
      expect(seen.headers).not.toHaveProperty('transfer-encoding');
      expect(Buffer.from(seen.body, 'base64').toString('utf8')).toBe('abc');
    });

    it.each([
      ['null', null],
      ["''", ''],
      ['absent', undefined],
    ])('body %s is an empty body', async (_case, body) => {
      const spec = request({ method: 'POST', path: '/inspect', headers: [['content-type', 'application/octet-stream']] });
      const { response } = await exchange(cell, spec, { alter: withBody(body) });
      expect(response.status).toBe(200);
      const seen = json<Inspection>(response);
      expect(seen.body).toBe('');
      expect(seen.headers['content-length'] ?? '0').toBe('0');
    });

    it('an empty base64 body is an empty body', async () => {
      const spec = request({ method: 'POST', path: '/inspect', headers: [['content-type', 'application/octet-stream']] });
      const { response } = await exchange(cell, spec, { alter: withBody('', true) });
      expect(json<Inspection>(response).body).toBe('');
    });
  });

  it('every response header value is a string', async () => {
    const { result } = await exchange(cell, request({ path: '/cookies' }));
    const record = result as Record<string, unknown>;
    const maps = [record['headers'], record['multiValueHeaders']].filter(isRecord);
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      for (const value of Object.values(map).flat()) expect(typeof value).toBe('string');
    }
    expect(cell.format.readResult(result).headers['x-cookie-count']).toEqual(['2']);
  });
});
