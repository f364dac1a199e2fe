package io.livedigitalmock.server.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --state-dir}: the state kept in {@code state.json} there, loaded at start, saved every
 * interval when it changed and on a clean stop. A save writes {@code state.json.tmp}, forces it to
 * disk and renames it over {@code state.json} in one step, so a mock killed mid-write leaves the
 * previous whole file (and a stray temp file, never read). One mock at a time: the directory is
 * locked ({@code .lock}) while a mock uses it.
 */
public final class StateDirectory implements AutoCloseable {

  public static final String FILE = "state.json";
  static final String TEMP = "state.json.tmp";
  static final String LOCK = ".lock";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private ScheduledExecutorService saver;
  private StateTransfer transfer;
  private long savedRevision;
  private boolean saved;

  private StateDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Makes the directory if need be and takes it for this mock.
   *
   * @throws StateFileException when it cannot be made or another mock uses it
   */
  public static StateDirectory open(Path dir) {
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new StateFileException(dir + " is in use by another livedigital-mock (give each its own --state-dir)");
      }
      return new StateDirectory(dir, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new StateFileException(dir + " is in use by another livedigital-mock in this JVM");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StateFileException("cannot use " + dir + " as the state directory: " + e, e);
    }
  }

  public Path file() {
    return dir.resolve(FILE);
  }

  /**
   * The saved state, read and checked; null when there is none yet. The file is only read.
   *
   * @throws StateFileException naming the file and what is wrong with it
   */
  public StateFile load() {
    Path file = file();
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return SnapshotReader.read(Files.readAllBytes(file));
    } catch (StateFileException e) {
      throw new StateFileException(file + " " + e.getMessage()
          + " (the file is left as it is: move it away to start afresh)", e);
    } catch (IOException e) {
      throw new StateFileException("cannot read " + file + ": " + e, e);
    }
  }

  /**
   * Saves {@code transfer}'s state from now on: every {@code interval} when it changed (zero: only on
   * {@link #close()}), on a thread of its own.
   */
  public synchronized void keep(StateTransfer transfer, Duration interval) {
    this.transfer = transfer;
    this.savedRevision = transfer.registry().revision();
    this.saved = Files.exists(file());
    if (!interval.isZero()) {
      saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "livedigital-mock-state-saver");
        t.setDaemon(true);
        return t;
      });
      saver.scheduleWithFixedDelay(this::saveIfChanged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void saveIfChanged() {
    try {
      synchronized (this) {
        if (transfer != null && (!saved || transfer.registry().revision() != savedRevision)) {
          save();
        }
      }
    } catch (RuntimeException e) {
      System.err.println("livedigital-mock: could not save the state to " + file() + ": " + e.getMessage()
          + " (trying again in a while)");
    }
  }

  /** Writes the state now: to the temp file, to disk, then renamed over the state file. */
  public synchronized void save() {
    long revision = transfer.registry().revision();
    Path temp = dir.resolve(TEMP);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        transfer.export(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(), e);
    }
    savedRevision = revision;
    saved = true;
  }

  /** The rename itself on disk too (where the platform lets a directory be forced). */
  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every file system lets a directory be opened; the rename is still atomic
    }
  }

  /** Saves once more if anything changed, then lets the directory go. */
  @Override
  public synchronized void close() {
    try {
      if (saver != null) {
        saver.shutdownNow();
      }
      if (transfer != null && (!saved || transfer.registry().revision() != savedRevision)) {
        save();
      }
    } catch (RuntimeException e) {
      System.err.println("livedigital-mock: could not save the state to " + file() + ": " + e.getMessage());
    } finally {
      transfer = null;
      try {
        lock.release();
      } catch (IOException e) {
        // released with the channel below anyway
      }
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing more to do
      }
    }
  }
}
