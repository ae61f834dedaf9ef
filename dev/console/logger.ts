/** Where the local API writes: access lines and notes to `info`, failures and their reasons to `error`. */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

export const consoleLogger: Logger = {
  // A function's log line carries its newlines as carriage returns (one CloudWatch event per line); a terminal wants them back.
  info: (line) => console.log(line.replaceAll('\r', '\n')),
  error: (line) => console.error(line),
};
