package io.livedigitalmock.server;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.state.JwtKey;
import io.livedigitalmock.server.state.StateDirectory;
import io.livedigitalmock.server.state.StateFile;
import io.livedigitalmock.server.state.StateFileException;
import io.livedigitalmock.server.state.StateTransfer;

/**
 * The state's life in a running mock: read from {@code --state-dir} before anything starts (so that a
 * bad file stops the start, its key signs from the first token), restored into the registry, saved
 * from then on; and the transfer the control plane exports and imports with, directory or not.
 */
final class LocalState implements AutoCloseable {

  private final MockConfig config;
  private final StateDirectory directory;
  private final StateFile loaded;

  private LocalState(MockConfig config, StateDirectory directory, StateFile loaded) {
    this.config = config;
    this.directory = directory;
    this.loaded = loaded;
  }

  /** @throws IllegalStateException naming the state file and its problem */
  static LocalState open(MockConfig config) {
    if (config.localDev().stateDir() == null) {
      return new LocalState(config, null, null);
    }
    StateDirectory directory;
    try {
      directory = StateDirectory.open(config.localDev().stateDir());
    } catch (StateFileException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    try {
      return new LocalState(config, directory, directory.load());
    } catch (StateFileException e) {
      directory.close();
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The key to sign with from the start: {@code --jwt-secret}, else the saved state's, else a new one. */
  String jwtSecret() {
    return config.localDev().jwtSecretGiven() || loaded == null || loaded.jwtSecret() == null
        ? config.jwtSecret() : loaded.jwtSecret();
  }

  /**
   * Restores the saved state, if any, and keeps saving from now on.
   *
   * @throws IllegalStateException when the saved state exceeds this mock's limits
   */
  StateTransfer attach(TenantRegistry registry, JwtKey key) {
    StateTransfer transfer = new StateTransfer(registry, key);
    if (loaded != null) {
      try {
        transfer.restore(loaded);
      } catch (RuntimeException e) {
        throw new IllegalStateException(directory.file() + ": " + e.getMessage()
            + " (the file is left as it is)", e);
      }
    }
    if (directory != null) {
      directory.keep(transfer, config.localDev().stateSaveInterval());
    }
    return transfer;
  }

  /** For the start-up lines: where the state is kept and what was loaded; null without a state directory. */
  String summary() {
    if (directory == null) {
      return null;
    }
    return loaded == null ? directory.file() + " (none yet: saved there from now on)"
        : directory.file() + " (loaded " + loaded.tenants().size() + " tenants saved at " + loaded.savedAt() + ")";
  }

  /** A last save, then the directory is let go. */
  @Override
  public void close() {
    if (directory != null) {
      directory.close();
    }
  }
}
