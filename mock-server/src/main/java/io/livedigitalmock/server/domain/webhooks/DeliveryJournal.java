package io.livedigitalmock.server.domain.webhooks;

import io.livedigitalmock.server.domain.common.Footprint;
import io.livedigitalmock.server.domain.common.SequencedLog;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every webhook delivery attempt, in the order made; tests list them or wait for the next match.
 * Holds the newest {@link #CAPACITY} attempts within {@code maxBytes} ({@code --delivery-log-bytes}):
 * past either, the oldest are forgotten.
 */
public final class DeliveryJournal {

  public static final int CAPACITY = 20_000;

  private final SequencedLog<DeliveryAttempt> log;

  public DeliveryJournal(long maxBytes) {
    this.log = new SequencedLog<>(CAPACITY, maxBytes, DeliveryAttempt::seq, Footprint::of);
  }

  /** Stores an attempt (its seq is assigned here) and wakes whoever waits for one like it. */
  public DeliveryAttempt record(DeliveryAttempt attempt) {
    return log.append(attempt::withSeq);
  }

  public List<DeliveryAttempt> list(DeliveryFilter filter, long afterSeq) {
    return log.list(filter::matches, afterSeq);
  }

  public long lastSeq() {
    return log.lastSeq();
  }

  public CompletableFuture<DeliveryAttempt> next(DeliveryFilter filter, long afterSeq) {
    return log.next(filter::matches, afterSeq);
  }

  /** Forgets a tenant's attempts (its reset); waiters keep waiting for new ones. */
  public void forget(String clientId) {
    log.forget(a -> a.clientId().equals(clientId));
  }

  public void clear() {
    log.clear();
  }
}
