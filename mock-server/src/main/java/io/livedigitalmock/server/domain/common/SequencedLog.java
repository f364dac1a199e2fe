package io.livedigitalmock.server.domain.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Entries numbered by a sequence that only grows, oldest first, so a test can ask for "the next entry
 * matching X after the ones I have seen" and be woken when it arrives instead of sleeping. Bounded by
 * count and by the sum of the entries' weights (e.g. their {@link Footprint} bytes): past either the
 * oldest entries are forgotten (past the weight, the newest one stays). A log that shares a budget with others
 * reports every change of its weight to {@code weightChanged} (an append, after it lets go of the log's
 * lock). Thread-safe.
 */
public final class SequencedLog<T> {

  private record Waiter<T>(Predicate<T> filter, long afterSeq, CompletableFuture<T> result) {
  }

  private final int capacity;
  private final long maxWeight;
  private final ToLongFunction<T> seqOf;
  private final ToLongFunction<T> weightOf;
  private final LongConsumer weightChanged;
  /** Small at first: every tenant has logs, and most hold a few entries. */
  private final Deque<T> entries = new ArrayDeque<>(1);
  /** The weight of each entry, in the same order. */
  private final LongQueue weights = new LongQueue();
  private final List<Waiter<T>> waiters = new ArrayList<>();
  private long lastSeq;
  private long weight;
  private long dropped;

  public SequencedLog(int capacity, ToLongFunction<T> seqOf) {
    this(capacity, Long.MAX_VALUE, seqOf, e -> 0);
  }

  /** Also bounded by the sum of the entries' weights (e.g. their bytes): past it, the oldest go. */
  public SequencedLog(int capacity, long maxWeight, ToLongFunction<T> seqOf, ToLongFunction<T> weightOf) {
    this(capacity, maxWeight, seqOf, weightOf, delta -> { });
  }

  public SequencedLog(int capacity, long maxWeight, ToLongFunction<T> seqOf, ToLongFunction<T> weightOf,
                      LongConsumer weightChanged) {
    this.capacity = capacity;
    this.maxWeight = maxWeight;
    this.seqOf = seqOf;
    this.weightOf = weightOf;
    this.weightChanged = weightChanged;
  }

  /** Appends the entry made from the next sequence number, and wakes whoever waits for one like it. */
  public T append(LongFunction<T> withSeq) {
    List<Waiter<T>> woken = null;
    T stored;
    long delta;
    synchronized (this) {
      stored = withSeq.apply(++lastSeq);
      long w = weightOf.applyAsLong(stored);
      entries.addLast(stored);
      weights.addLast(w);
      delta = w;
      // past the weight the newest entry stays, however heavy; a capacity of 0 keeps nothing
      while (!entries.isEmpty() && (entries.size() > capacity || weight + delta > maxWeight && entries.size() > 1)) {
        entries.removeFirst();
        delta -= weights.removeFirst();
        dropped++;
      }
      weight += delta;
      if (!waiters.isEmpty()) {
        List<Waiter<T>> wake = new ArrayList<>();
        T entry = stored;
        waiters.removeIf(waiter -> {
          boolean now = !waiter.result.isDone() && waiter.filter.test(entry);
          if (now) {
            wake.add(waiter);
          }
          return now || waiter.result.isDone();
        });
        woken = wake;
      }
    }
    // once, and outside the lock: a log at its bounds drops an entry per append, and a total shared by
    // many logs is contended; inside, the other event loops queued behind it (2 loops served less than 1)
    if (delta != 0) {   // a full log of like entries drops what it takes in: then no write at all
      weightChanged.accept(delta);
    }
    if (woken != null) {
      woken.forEach(waiter -> waiter.result.complete(stored));
    }
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
    waiters.removeIf(waiter -> waiter.result.isDone());
    waiters.add(new Waiter<>(filter, afterSeq, result));
    return result;
  }

  /** How many entries were forgotten to stay within the bounds (not by {@link #forget} or {@link #clear}). */
  public synchronized long dropped() {
    return dropped;
  }

  public synchronized void forget(Predicate<T> which) {
    var entry = entries.iterator();
    LongQueue kept = new LongQueue();
    long gone = 0;
    while (entry.hasNext()) {
      long w = weights.removeFirst();
      if (which.test(entry.next())) {
        entry.remove();
        gone += w;
      } else {
        kept.addLast(w);
      }
    }
    weights.addAll(kept);
    changeWeight(-gone);
  }

  public synchronized void clear() {
    entries.clear();
    weights.clear();
    changeWeight(-weight);
    dropped = 0;
  }

  /** The sum of the weights of the entries held now. */
  public synchronized long weight() {
    return weight;
  }

  /** The oldest entry held, or null. */
  public synchronized T oldest() {
    return entries.peekFirst();
  }

  /** Forgets the oldest entry, if any, for a budget shared by several logs; it counts as dropped. */
  public synchronized void evictOldest() {
    if (!entries.isEmpty()) {
      removeOldest();
      dropped++;
    }
  }

  private void removeOldest() {
    entries.removeFirst();
    changeWeight(-weights.removeFirst());
  }

  private void changeWeight(long delta) {
    weight += delta;
    weightChanged.accept(delta);
  }

  /** Longs first in, first out, unboxed: one weight per entry of a log that may hold many thousands. */
  private static final class LongQueue {

    private long[] ring = new long[2];
    private int head;
    private int size;

    void addLast(long value) {
      if (size == ring.length) {
        long[] bigger = new long[ring.length * 2];
        for (int i = 0; i < size; i++) {
          bigger[i] = ring[(head + i) % ring.length];
        }
        ring = bigger;
        head = 0;
      }
      ring[(head + size) % ring.length] = value;
      size++;
    }

    long removeFirst() {
      if (size == 0) {
        throw new java.util.NoSuchElementException();
      }
      long value = ring[head];
      head = (head + 1) % ring.length;
      size--;
      return value;
    }

    void addAll(LongQueue other) {
      while (other.size > 0) {
        addLast(other.removeFirst());
      }
    }

    void clear() {
      head = 0;
      size = 0;
    }
  }
}
