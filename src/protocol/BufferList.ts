// A queue of buffers that tracks their total size; shift() hands them back in arrival order.
class BufferList {
  bufs: Buffer[] = [];
  size = 0;

  shift(): Buffer | undefined {
    const buf = this.bufs.shift();
    if (buf) this.size -= buf.length;
    return buf;
  }

  /** Puts a buffer back in front, as the next one to shift(). */
  unshift(buf: Buffer): void {
    if (!buf.length) return;
    this.bufs.unshift(buf);
    this.size += buf.length;
  }

  push(buf: Buffer): void {
    if (!buf || !buf.length) return;
    this.bufs.push(buf);
    this.size += buf.length;
  }
}

export = BufferList;
