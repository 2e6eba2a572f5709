/**
 * A bounded newline splitter for byte streams: complete lines go to a callback; a line longer than
 * the limit is dropped whole (reported once) instead of growing the buffer without bound.
 */

/** Splits a byte stream into lines of at most `maxLineBytes` bytes. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private discarding = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (line: Buffer) => void,
    private readonly onOversize: (bytesSoFar: number) => void,
  ) {}

  /** Feeds one chunk. */
  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) {
        this.append(chunk.subarray(start));
        return;
      }
      this.append(chunk.subarray(start, nl));
      if (!this.discarding) {
        const line = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
        this.reset();
        const end = line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length;
        this.onLine(line.subarray(0, end));
      } else {
        this.reset();
      }
      start = nl + 1;
    }
  }

  private append(piece: Buffer): void {
    if (piece.length === 0 || this.discarding) return;
    if (this.size + piece.length > this.maxLineBytes) {
      this.onOversize(this.size + piece.length);
      this.parts = [];
      this.size = 0;
      this.discarding = true;
      return;
    }
    this.parts.push(piece);
    this.size += piece.length;
  }

  private reset(): void {
    this.parts = [];
    this.size = 0;
    this.discarding = false;
  }
}
