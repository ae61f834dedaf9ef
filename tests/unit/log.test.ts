import { describeError, logLine, maskCredentials } from '../../shared/log';
import { captureStdout } from '../support/log-capture';

describe('logLine', () => {
  it("writes one JSON line in Lambda's JSON log shape: timestamp, level, requestId, message, fields", () => {
    const output = captureStdout(() => logLine('WARN', 'Bad Request: body is not valid base64', 'req-1', { format: 'rest-v1' }));
    expect(output.endsWith('\n')).toBe(true);
    expect(output.trimEnd().split('\n')).toHaveLength(1);
    const line = JSON.parse(output) as Record<string, unknown>;
    expect(line).toEqual({
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'WARN',
      requestId: 'req-1',
      message: 'Bad Request: body is not valid base64',
      format: 'rest-v1',
    });
  });

  it('stays one line when the message holds newlines', () => {
    const output = captureStdout(() => logLine('ERROR', 'first\nsecond', undefined));
    expect(output.trimEnd().split('\n')).toHaveLength(1);
    expect((JSON.parse(output) as { message: string }).message).toBe('first\nsecond');
  });
});

describe('maskCredentials', () => {
  it.each([
    ['a password in a connection string', 'postgres://orders:hunter2@db:5432/orders', 'postgres://orders:***@db:5432/orders'],
    ['a password holding @ and :', 'mysql://app:p@ss:w0rd@db/app', 'mysql://app:***@db/app'],
    ['an empty user', 'redis://:hunter2@cache:6379', 'redis://:***@cache:6379'],
    ['a lone token as user info', 'https://ghp_token123@example.com/repo.git', 'https://***@example.com/repo.git'],
    ['every URL in a message', 'a=amqp://u:p1@mq b=mongodb+srv://v:p2@db', 'a=amqp://u:***@mq b=mongodb+srv://v:***@db'],
    ['a URL glued to a word', 'failed:postgres://u:pw@db', 'failed:postgres://u:***@db'],
    ['a password holding /', 'postgres://u:p/ss@h/db', 'postgres://u:***@h/db'],
    ['a password holding # and ?', 'postgres://u:p#s?s@h', 'postgres://u:***@h'],
    // Where the user info ends cannot be told from an @ later in the URL: masking more is the safe side.
    ['up to the last @ of a URL, one in its query too', 'https://example.com/invite?email=a@b.example', 'https://***@b.example'],
  ])('masks %s', (_case, text, expected) => {
    expect(maskCredentials(text)).toBe(expected);
  });

  it.each([
    ['a URL without user info', 'https://example.com/a?b=c'],
    ['an e-mail address', 'contact ops@example.com'],
    ['plain text', 'connect ECONNREFUSED 10.0.0.1:5432'],
  ])('leaves %s as it is', (_case, text) => {
    expect(maskCredentials(text)).toBe(text);
  });

  it.each([
    ['scheme-like text', `${'a.'.repeat(1_000)}://x`],
    ['schemes one after another', 'a://'.repeat(1_000)],
    ['URLs without user info', 'a:// '.repeat(1_000)],
  ])('leaves a long run of %s with no user info alone', (_case, text) => {
    expect(maskCredentials(text)).toBe(text);
  });
});

describe('describeError', () => {
  it.each([
    ['an Error as name and message', new TypeError('bad input'), 'TypeError: bad input'],
    ['a thrown string as it is', 'plain failure', 'plain failure'],
    ['anything else by its type only', { password: 'x' }, 'object'],
  ])('describes %s', (_case, error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});

describe('logLine masking', () => {
  it('masks credentials in the message and in every string field, nested ones included', () => {
    const output = captureStdout(() =>
      logLine('ERROR', 'start failed: postgres://u:pw1@db', 'req-1', {
        error: 'Error: mongodb://u:pw2@db',
        detail: { url: 'redis://:pw3@c' },
      }),
    );
    expect(output).not.toMatch(/pw[123]/);
    expect(JSON.parse(output)).toMatchObject({
      message: 'start failed: postgres://u:***@db',
      error: 'Error: mongodb://u:***@db',
      detail: { url: 'redis://:***@c' },
    });
  });
});
