/** Passes a worker's output on line by line. Split on \n only (not readline, which also splits on \r): the runtime writes a message's own newlines as \r to keep it one line. */
export function forwardLines(stream: NodeJS.ReadableStream, write: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach((line) => write(line));
  });
  stream.on('end', () => rest && write(rest));
}
