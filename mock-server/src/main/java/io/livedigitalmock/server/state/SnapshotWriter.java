package io.livedigitalmock.server.state;

import io.livedigitalmock.server.domain.state.StateSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Writes a snapshot as a state file (indented JSON, format and version first). */
public final class SnapshotWriter {

  private SnapshotWriter() {
  }

  /** {@code jwtSecret}: written only when not null (null when {@code --jwt-secret} gave it). */
  public static void write(StateSnapshot snapshot, Instant savedAt, String jwtSecret, OutputStream out) {
    try {
      StateJson.MAPPER.writeValue(new NotClosing(out), StateFile.of(snapshot, savedAt, jwtSecret));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] toBytes(StateSnapshot snapshot, Instant savedAt, String jwtSecret) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    write(snapshot, savedAt, jwtSecret, out);
    return out.toByteArray();
  }

  /** Jackson closes what it writes to; the caller owns the stream (and forces it to disk). */
  private static final class NotClosing extends java.io.FilterOutputStream {

    NotClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
