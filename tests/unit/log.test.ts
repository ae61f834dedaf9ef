import { logLine } from '../../shared/log';
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
