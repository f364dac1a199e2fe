package io.livedigitalmock.server.domain.webhooks;

import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Footprint;
import io.livedigitalmock.server.domain.common.SequencedLog;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver built into the mock, so tests (also against a container) have a URL to register
 * that records what arrives. It answers each request with the next scripted status, the last one
 * repeating, after {@code delayMillis}: enough to script "500, 500, 200" or a receiver that times out.
 */
public final class Receiver {

  private final String id;
  private final List<Integer> responses;
  private final long delayMillis;
  private final Instant createdAt;
  private final AtomicInteger answered = new AtomicInteger();
  private final SequencedLog<ReceivedRequest> requests;

  /** {@code maxLogBytes}: what its request log may hold on its own ({@link Receivers} bounds them all). */
  public Receiver(String id, List<Integer> responses, long delayMillis, Instant createdAt, long maxLogBytes) {
    if (responses.isEmpty() || responses.stream().anyMatch(s -> s < 100 || s > 599)) {
      throw ApiError.badRequest("responses must be HTTP statuses between 100 and 599");
    }
    if (delayMillis < 0 || delayMillis > 120_000) {
      throw ApiError.badRequest("delayMs must be between 0 and 120000");
    }
    this.id = id;
    this.responses = List.copyOf(responses);
    this.delayMillis = delayMillis;
    this.createdAt = createdAt;
    this.requests = new SequencedLog<>(10_000, maxLogBytes, ReceivedRequest::seq, Footprint::of);
  }

  public String id() {
    return id;
  }

  public List<Integer> responses() {
    return responses;
  }

  public long delayMillis() {
    return delayMillis;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The status for the next request: the script in order, then its last entry forever. */
  public int nextStatus() {
    int n = answered.getAndIncrement();
    return responses.get(Math.min(n, responses.size() - 1));
  }

  public SequencedLog<ReceivedRequest> requests() {
    return requests;
  }
}
