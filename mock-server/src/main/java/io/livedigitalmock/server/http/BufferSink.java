package io.livedigitalmock.server.http;

import io.vertx.core.buffer.Buffer;
import java.io.OutputStream;

/**
 * What Jackson writes answers into: bytes appended to a Buffer that becomes (part of) the answer, with
 * no copy in between. {@link #take()} hands the bytes so far over and goes on in a new Buffer.
 */
final class BufferSink extends OutputStream {

  private final int capacity;
  private Buffer buffer;

  BufferSink(int capacity) {
    this.capacity = capacity;
    this.buffer = Buffer.buffer(capacity);
  }

  /** The bytes written so far. */
  Buffer written() {
    return buffer;
  }

  /** The bytes written so far; what is written from now on goes to a new Buffer. */
  Buffer take() {
    Buffer taken = buffer;
    buffer = Buffer.buffer(capacity);
    return taken;
  }

  int length() {
    return buffer.length();
  }

  @Override
  public void write(int b) {
    buffer.appendByte((byte) b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    buffer.appendBytes(bytes, offset, length);
  }
}
