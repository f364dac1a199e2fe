package io.livedigitalmock.server.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Entries numbered by a sequence that only grows, oldest first, so a test can ask for "the next entry
 * matching X after the ones I have seen" and be woken when it arrives instead of sleeping. Bounded
 * by count and by bytes ({@link Footprint}): past {@code capacity} entries or {@code maxBytes} the
 * oldest entries are forgotten (the newest one always stays). Thread-safe.
 */
public final class SequencedLog<T> {

  private record Waiter<T>(Predicate<T> filter, long afterSeq, CompletableFuture<T> result) {
  }

  private final int capacity;
  private final long maxBytes;
  private final ToLongFunction<T> seqOf;
  private final Deque<T> entries = new ArrayDeque<>();
  private final Deque<Long> sizes = new ArrayDeque<>();
  private final List<Waiter<T>> waiters = new ArrayList<>();
  private long lastSeq;
  private long bytes;

  public SequencedLog(int capacity, long maxBytes, ToLongFunction<T> seqOf) {
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.seqOf = seqOf;
  }

  /** Appends the entry made from the next sequence number, and wakes whoever waits for one like it. */
  public T append(LongFunction<T> withSeq) {
    List<Waiter<T>> woken = new ArrayList<>();
    T stored;
    synchronized (this) {
      stored = withSeq.apply(++lastSeq);
      long size = Footprint.of(stored);
      entries.addLast(stored);
      sizes.addLast(size);
      bytes += size;
      while (entries.size() > 1 && (entries.size() > capacity || bytes > maxBytes)) {
        evictOldest();
      }
      T entry = stored;
      waiters.removeIf(w -> {
        boolean wake = !w.result.isDone() && w.filter.test(entry);
        if (wake) {
          woken.add(w);
        }
        return wake || w.result.isDone();
      });
    }
    woken.forEach(w -> w.result.complete(stored));
    return stored;
  }

  public synchronized List<T> list(Predicate<T> filter, long afterSeq) {
    return entries.stream().filter(e -> seqOf.applyAsLong(e) > afterSeq && filter.test(e)).toList();
  }

  /** The highest sequence number handed out so far: "after this" means "from now on". */
  public synchronized long lastSeq() {
    return lastSeq;
  }

  /**
   * The first entry after {@code afterSeq} that matches: at once if it is here, else when it comes.
   * The caller bounds the wait and cancels the future when it gives up.
   */
  public synchronized CompletableFuture<T> next(Predicate<T> filter, long afterSeq) {
    for (T e : entries) {
      if (seqOf.applyAsLong(e) > afterSeq && filter.test(e)) {
        return CompletableFuture.completedFuture(e);
      }
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    waiters.removeIf(w -> w.result.isDone());
    waiters.add(new Waiter<>(filter, afterSeq, result));
    return result;
  }

  public synchronized void forget(Predicate<T> which) {
    var entry = entries.iterator();
    var size = sizes.iterator();
    while (entry.hasNext()) {
      long bytesOfEntry = size.next();
      if (which.test(entry.next())) {
        entry.remove();
        size.remove();
        bytes -= bytesOfEntry;
      }
    }
  }

  public synchronized void clear() {
    entries.clear();
    sizes.clear();
    bytes = 0;
  }

  /** What the entries held now are estimated to take ({@link Footprint}). */
  public synchronized long bytes() {
    return bytes;
  }

  /** The oldest entry held, or null. */
  public synchronized T oldest() {
    return entries.peekFirst();
  }

  /** Forgets the oldest entry, if any (for a budget shared by several logs). */
  public synchronized void evictOldest() {
    if (!entries.isEmpty()) {
      entries.removeFirst();
      bytes -= sizes.removeFirst();
    }
  }
}
