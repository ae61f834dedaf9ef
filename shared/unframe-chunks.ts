/**
 * Undoes chunked framing as it streams by, which Node applies only when the app itself set
 * `Transfer-Encoding: chunked`: the source frames the streamed body for the client on its own.
 * Frames may be cut anywhere between writes; the last chunk and any trailers end the body.
 */
export class ChunkUnframer {
  private state: 'size' | 'data' | 'crlf' | 'done' = 'size';
  private sizeLine = '';
  private dataLeft = 0;
  private crlfLeft = 0;

  /** The body bytes in `framed`, in order: views into it, not copies. */
  push(framed: Buffer): Buffer[] {
    const body: Buffer[] = [];
    let offset = 0;
    while (offset < framed.length && this.state !== 'done') {
      if (this.state === 'size') {
        const lineEnd = framed.indexOf(0x0a, offset);
        this.sizeLine += framed.toString('latin1', offset, lineEnd === -1 ? framed.length : lineEnd);
        if (lineEnd === -1) break;
        offset = lineEnd + 1;
        // parseInt stops at a chunk extension (`;`) and at the line's CR.
        const size = Number.parseInt(this.sizeLine, 16);
        this.sizeLine = '';
        if (!(size > 0)) this.state = 'done';
        else {
          this.state = 'data';
          this.dataLeft = size;
        }
      } else if (this.state === 'data') {
        const taken = Math.min(this.dataLeft, framed.length - offset);
        body.push(framed.subarray(offset, offset + taken));
        offset += taken;
        this.dataLeft -= taken;
        if (this.dataLeft === 0) {
          this.state = 'crlf';
          this.crlfLeft = 2;
        }
      } else {
        const skipped = Math.min(this.crlfLeft, framed.length - offset);
        offset += skipped;
        this.crlfLeft -= skipped;
        if (this.crlfLeft === 0) this.state = 'size';
      }
    }
    return body;
  }
}
