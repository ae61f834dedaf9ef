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
