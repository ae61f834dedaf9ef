const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Formats a date in Go's `time.UnixDate` layout (`Mon Jan _2 15:04:05 MST 2006`) in UTC,
 * the `message` of every `/ping`. `_2` is a space-padded day: `Wed Nov  5 ...`.
 */
export function formatUnixDate(date: Date): string {
  const day = date.getUTCDate();
  const time = `${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}:${twoDigits(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day < 10 ? ` ${day}` : day} ${time} UTC ${date.getUTCFullYear()}`;
}

/** What `formatUnixDate` writes, for checking a `/ping` answer (smoke check, tests, benchmarks). */
export const UNIX_DATE_PATTERN =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?: [1-9]|[12]\d|3[01]) (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC \d{4}$/;
