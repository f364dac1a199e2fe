package io.livedigitalmock.server.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every webhook delivery attempt, oldest first, numbered by a sequence that only grows, so a test
 * can ask for "the next attempt matching X after the ones I have seen" and be woken when it happens
 * instead of sleeping. Bounded: past {@link #CAPACITY} the oldest attempts are forgotten.
 */
public final class DeliveryJournal {

  public static final int CAPACITY = 20_000;

  private record Waiter(DeliveryFilter filter, long afterSeq, CompletableFuture<DeliveryAttempt> result) {
  }

  private final Deque<DeliveryAttempt> attempts = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private long lastSeq;

  /** Stores an attempt (its seq is assigned here) and wakes whoever waits for one like it. */
  public DeliveryAttempt record(DeliveryAttempt attempt) {
    List<Waiter> woken = new ArrayList<>();
    DeliveryAttempt stored;
    synchronized (this) {
      stored = attempt.withSeq(++lastSeq);
      attempts.addLast(stored);
      if (attempts.size() > CAPACITY) {
        attempts.removeFirst();
      }
      waiters.removeIf(w -> {
        boolean wake = w.result.isDone() || w.filter.matches(stored);
        if (wake && !w.result.isDone()) {
          woken.add(w);
        }
        return wake;
      });
    }
    woken.forEach(w -> w.result.complete(stored));
    return stored;
  }

  public synchronized List<DeliveryAttempt> list(DeliveryFilter filter, long afterSeq) {
    return attempts.stream().filter(a -> a.seq() > afterSeq && filter.matches(a)).toList();
  }

  /** The highest sequence number handed out so far: "after this" means "from now on". */
  public synchronized long lastSeq() {
    return lastSeq;
  }

  /**
   * The first attempt after {@code afterSeq} that matches: at once if it is already here, else when
   * it arrives. The caller bounds the wait (and should cancel the future when it gives up).
   */
  public CompletableFuture<DeliveryAttempt> next(DeliveryFilter filter, long afterSeq) {
    synchronized (this) {
      for (DeliveryAttempt a : attempts) {
        if (a.seq() > afterSeq && filter.matches(a)) {
          return CompletableFuture.completedFuture(a);
        }
      }
      CompletableFuture<DeliveryAttempt> result = new CompletableFuture<>();
      waiters.removeIf(w -> w.result.isDone());
      waiters.add(new Waiter(filter, afterSeq, result));
      return result;
    }
  }

  /** Forgets a tenant's attempts (its reset); waiters keep waiting for new ones. */
  public synchronized void forget(String clientId) {
    attempts.removeIf(a -> a.clientId().equals(clientId));
  }

  public synchronized void clear() {
    attempts.clear();
  }
}
