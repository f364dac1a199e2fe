package io.livedigitalmock.server.state;

import io.livedigitalmock.server.domain.TenantRegistry;
import java.io.OutputStream;

/**
 * The whole state out and in, as a state file: what {@code GET/PUT /_mock/state}, the JUnit handle's
 * {@code snapshot()/restore(...)} and {@code --state-dir} all use.
 */
public final class StateTransfer {

  private final TenantRegistry registry;
  private final JwtKey key;

  public StateTransfer(TenantRegistry registry, JwtKey key) {
    this.registry = registry;
    this.key = key;
  }

  public void export(OutputStream out) {
    SnapshotWriter.write(registry.snapshot(), registry.serverClock().now(), key.forStateFile(), out);
  }

  public byte[] export() {
    return SnapshotWriter.toBytes(registry.snapshot(), registry.serverClock().now(), key.forStateFile());
  }

  /**
   * Replaces the whole state with the file's, all or nothing.
   *
   * @throws StateFileException when the file cannot be read (nothing changed)
   * @throws io.livedigitalmock.server.domain.common.ApiError 409 when it exceeds the limits (nothing changed)
   */
  public void importState(byte[] json) {
    restore(SnapshotReader.read(json));
  }

  /** Restores a file already read (at start: its key was the codec's from the first). */
  public void restore(StateFile file) {
    registry.restore(file.snapshot());
    key.adopt(file.jwtSecret());
  }

  public TenantRegistry registry() {
    return registry;
  }
}
