package io.livedigitalmock.server.domain.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What all tenants store, in {@link Footprint} bytes, against {@code --data-bytes}. Each tenant's
 * state reports into a {@link Meter} of its own; a reset releases the old state's meter at once. Writes
 * are refused while the budget is spent ({@link #requireRoom}, checked before a request stores
 * anything, so that no request is stopped half-way); reads, deletes and resets always work.
 */
public final class StoredData {

  private final long limit;
  private final AtomicLong used = new AtomicLong();
  /** Counts every write and release: a state that was saved when this stood where it stands is unchanged. */
  private final java.util.concurrent.atomic.LongAdder changes = new java.util.concurrent.atomic.LongAdder();

  public StoredData(long limit) {
    this.limit = limit;
  }

  /** A 409 naming the option while the stored data has reached the limit. */
  public void requireRoom() {
    if (used.get() >= limit) {
      throw ApiError.conflict("The mock's stored data reached --data-bytes (" + limit + " bytes): reset tenants "
          + "(POST /_mock/tenants/{clientId}/reset, POST /_mock/reset) or start the mock with a larger --data-bytes");
    }
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit;
  }

  /** Grows with every change of stored data (only ever compared, never read as a count). */
  public long changes() {
    return changes.sum();
  }

  /** A new share of the budget: a tenant state's, or another store's (fault rules). */
  public Meter meter() {
    return new Meter();
  }

  /** One store's share; after {@link #release} it counts nothing more. */
  public final class Meter {

    private long bytes;
    private boolean released;

    public synchronized void add(long delta) {
      if (!released) {
        bytes += delta;
        used.addAndGet(delta);
        changes.increment();
      }
    }

    public synchronized void release() {
      if (!released) {
        released = true;
        used.addAndGet(-bytes);
        bytes = 0;
        changes.increment();
      }
    }

    /** What this share holds now. */
    public synchronized long bytes() {
      return bytes;
    }
  }
}
