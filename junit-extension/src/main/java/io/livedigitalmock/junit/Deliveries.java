package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook delivery log of this tenant: every attempt (retries included), oldest first, and a wait
 * for the next one that matches, done by the mock's long-poll (no sleeping).
 */
public final class Deliveries {

  /** What the mock's long-poll accepts at most; longer waits poll again. */
  static final long MAX_POLL_MILLIS = 120_000;

  private final Livedigital mock;
  /** Per filter, the seq of the last delivery {@link #awaitNext} returned in this test. */
  private final Map<DeliveryFilter, Long> cursors = new ConcurrentHashMap<>();

  Deliveries(Livedigital mock) {
    this.mock = mock;
  }

  void beginTest() {
    cursors.clear();
  }

  /** All logged attempts of this tenant. */
  public List<Delivery> list() {
    return list(DeliveryFilter.any());
  }

  public List<Delivery> list(DeliveryFilter filter) {
    JsonNode page = mock.http().get("/_mock/webhooks/deliveries" + query(filter,
        filter.afterSeq() != null ? filter.afterSeq() : 0, null), null);
    List<Delivery> items = new ArrayList<>();
    page.path("items").forEach(item -> items.add(delivery(item)));
    return List.copyOf(items);
  }

  /** {@link #awaitNext(DeliveryFilter, Duration)} for one event name. */
  public Delivery awaitNext(String eventName, Duration timeout) {
    return awaitNext(DeliveryFilter.event(eventName), timeout);
  }

  /**
   * The next delivery attempt that matches: the first one after the last that this method returned for
   * an equal filter in this test (or after {@link DeliveryFilter#after}), as soon as it is logged. So
   * calling it again with the same filter walks through the matching attempts one by one.
   *
   * @throws AssertionError if none is logged within {@code timeout}; the message lists what was logged
   */
  public Delivery awaitNext(DeliveryFilter filter, Duration timeout) {
    long after = filter.afterSeq() != null ? filter.afterSeq() : cursors.getOrDefault(filter, 0L);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long remaining = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      long wait = Math.min(remaining, MAX_POLL_MILLIS);
      Optional<JsonNode> found = mock.http().poll("/_mock/webhooks/deliveries/next"
          + query(filter, after, wait), Duration.ofMillis(wait));
      if (found.isPresent()) {
        Delivery d = delivery(found.get());
        cursors.put(filter, d.seq());
        return d;
      }
      if (wait >= remaining) {
        throw new AssertionError("no webhook delivery matching " + filter + " (after #" + after + ") within "
            + timeout + "; this tenant's deliveries: " + list());
      }
    }
  }

  private String query(DeliveryFilter filter, long after, Long timeoutMs) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("clientId", mock.clientId());
    q.putAll(filter.criteria());
    q.put("after", after);
    q.put("timeoutMs", timeoutMs);
    return Paths.query(q);
  }

  static Delivery delivery(JsonNode d) {
    JsonNode status = d.get("status");
    return new Delivery(d.path("seq").asLong(), JsonHttp.text(d, "deliveryId"), JsonHttp.text(d, "eventName"),
        JsonHttp.text(d, "spaceId"), JsonHttp.text(d, "roomId"), JsonHttp.text(d, "recordId"),
        JsonHttp.text(d, "url"), d.path("attempt").asInt(), status == null || status.isNull() ? null : status.asInt(),
        JsonHttp.text(d, "error"), JsonHttp.text(d, "outcome"), JsonHttp.text(d, "signature"),
        JsonHttp.text(d, "requestBody"), JsonHttp.instant(d, "at"), d.path("durationMs").asLong(),
        JsonHttp.text(d, "sentTo"));
  }
}
