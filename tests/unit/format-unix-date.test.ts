import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { formatUnixDate, UNIX_DATE_PATTERN } from '../../functions/format-unix-date';

describe('formatUnixDate', () => {
  it.each([
    ["space-pads a single-digit day, like Go's _2", '2025-11-05T08:30:09Z', 'Wed Nov  5 08:30:09 UTC 2025'],
    ['writes a double-digit day unpadded', '2023-06-27T18:10:54Z', 'Tue Jun 27 18:10:54 UTC 2023'],
    ['writes the first day of a month padded', '2024-03-01T12:00:00Z', 'Fri Mar  1 12:00:00 UTC 2024'],
    ['writes the tenth day unpadded', '2024-03-10T12:00:00Z', 'Sun Mar 10 12:00:00 UTC 2024'],
    ['writes midnight as 00:00:00', '2024-02-29T00:00:00Z', 'Thu Feb 29 00:00:00 UTC 2024'],
    ['writes the last second of a year in that year', '2023-12-31T23:59:59Z', 'Sun Dec 31 23:59:59 UTC 2023'],
    ['writes the first second of a year in the new year', '2024-01-01T00:00:00Z', 'Mon Jan  1 00:00:00 UTC 2024'],
    ['drops milliseconds, as the layout has none', '2024-07-04T05:06:07.999Z', 'Thu Jul  4 05:06:07 UTC 2024'],
  ])('%s', (_behaviour, iso, expected) => {
    expect(formatUnixDate(new Date(iso))).toBe(expected);
  });

  // Jest hands each test file a copy of process.env, so TZ only takes effect in a fresh process.
  it.each([
    // UTC+14: the local calendar is already in the next day and year.
    ['Pacific/Kiritimati', '2023-12-31T23:30:00Z', 'Sun Dec 31 23:30:00 UTC 2023'],
    // UTC-10: the local calendar is still in the previous day and year.
    ['Pacific/Honolulu', '2024-01-01T05:00:00Z', 'Mon Jan  1 05:00:00 UTC 2024'],
  ])('formats in UTC whatever the TZ environment variable says (TZ=%s)', (tz, iso, expected) => {
    const script = `
      const { formatUnixDate } = require(${JSON.stringify(join(__dirname, '..', '..', 'functions', 'format-unix-date.ts'))});
      const date = new Date(${JSON.stringify(iso)});
      process.stdout.write(JSON.stringify({ localDay: date.getDate(), formatted: formatUnixDate(date) }));
    `;
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });
    const { localDay, formatted } = JSON.parse(output) as { localDay: number; formatted: string };
    // Precondition: the local calendar day really differs, so local-time use would show.
    expect(localDay).not.toBe(new Date(iso).getUTCDate());
    expect(formatted).toBe(expected);
  });
});

describe('UNIX_DATE_PATTERN', () => {
  it.each([
    new Date(Date.UTC(2026, 10, 5, 8, 34, 8)),
    new Date(Date.UTC(2023, 5, 27, 18, 10, 54)),
    new Date(Date.UTC(2026, 0, 31, 23, 59, 59)),
  ])('matches what formatUnixDate writes for %s', (date) => {
    expect(formatUnixDate(date)).toMatch(UNIX_DATE_PATTERN);
  });

  it.each([
    'Wed Nov  0 08:34:08 UTC 2026',
    'Wed Nov 39 08:34:08 UTC 2026',
    'Wed Nov 05 08:34:08 UTC 2026',
    'Wed Nov  5 24:00:00 UTC 2026',
    '2026-11-05T08:34:08Z',
  ])('rejects %j', (text) => {
    expect(text).not.toMatch(UNIX_DATE_PATTERN);
  });
});
