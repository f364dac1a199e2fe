package io.livedigitalmock.server.webhooks;

import io.livedigitalmock.server.domain.DeliveryAttempt;
import io.livedigitalmock.server.domain.DeliveryJournal;
import io.livedigitalmock.server.domain.EventSink;
import io.livedigitalmock.server.domain.MockClock;
import io.livedigitalmock.server.domain.WebhookEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers webhook events over real HTTP: {@code POST <url>} with {@code {"signature","body"}}. A
 * receiver that answers other than 2xx, refuses or times out gets up to {@link #ATTEMPTS} attempts in
 * all, {@code retryInterval} apart, then the event is dropped [guide]. Every attempt goes to the
 * {@link DeliveryJournal}. Runs on its own Vert.x context: API requests only enqueue.
 */
public final class WebhookDispatcher implements EventSink {

  public static final int ATTEMPTS = 3;

  /**
   * Attempts that may be in flight to one receiver at once. Vert.x's default pool (5 per host) made
   * further attempts wait for a connection behind hung ones, stretching the retry interval.
   */
  static final int MAX_CONNECTIONS_PER_RECEIVER = 256;

  private final Vertx vertx;
  private final Context context;
  private final WebClient client;
  private final DeliveryJournal journal;
  private final MockClock clock;
  private final long retryMillis;
  private final long timeoutMillis;

  public WebhookDispatcher(Vertx vertx, DeliveryJournal journal, MockClock clock, Duration retryInterval,
                           Duration timeout) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) timeout.toMillis())
        .setTrustAll(true)
        .setVerifyHost(false)
        .setUserAgent("livedigital-mock-webhooks"),
        new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_RECEIVER));
    this.journal = journal;
    this.clock = clock;
    this.retryMillis = retryInterval.toMillis();
    this.timeoutMillis = timeout.toMillis();
  }

  /** A domain event: the body has the guide's four keys, {@code recordId} only on record events. */
  @Override
  public void publish(WebhookEvent e) {
    deliver(outgoing(e));
  }

  /** What an event is sent as: the body has the guide's four keys, {@code recordId} only on record events. */
  public static Outgoing outgoing(WebhookEvent e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventName", e.eventName().wire());
    body.put("roomId", e.roomId());
    body.put("spaceId", e.spaceId());
    if (e.recordId() != null) {
      body.put("recordId", e.recordId());
    }
    return new Outgoing(e.eventId(), e.clientId(), e.eventName().wire(), e.spaceId(), e.roomId(),
        e.recordId(), e.url(), e.secret(), body, e.calledOff());
  }

  /**
   * Any body, signed and delivered like an event (the control plane's test events).
   *
   * @throws IllegalArgumentException if the body cannot be written byte-exactly as Node would
   */
  public void deliver(Outgoing outgoing) {
    String body = NodeJson.stringify(outgoing.body());
    String signature = WebhookSigner.sign(outgoing.secret(), body);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("signature", signature);
    envelope.put("body", outgoing.body());
    String payload = NodeJson.stringify(envelope);
    context.runOnContext(v -> attempt(outgoing, payload, signature, 1));
  }

  private void attempt(Outgoing o, String payload, String signature, int attempt) {
    if (o.calledOff().getAsBoolean()) {
      return;   // the tenant was reset since: its old events must not show up in the new log
    }
    long started = System.nanoTime();
    // the receiver's time to answer, counted once the request is on a connection: waiting for a
    // pooled connection must not use up (and fail) an attempt that was never sent
    client.postAbs(o.url())
        .idleTimeout(timeoutMillis)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(payload))
        .onComplete(ar -> {
          Integer status = ar.succeeded() ? ar.result().statusCode() : null;
          String error = ar.succeeded() ? null : describe(ar.cause());
          boolean delivered = status != null && status >= 200 && status < 300;
          String outcome = delivered ? DeliveryAttempt.DELIVERED
              : attempt < ATTEMPTS ? DeliveryAttempt.RETRYING : DeliveryAttempt.DROPPED;
          journal.record(new DeliveryAttempt(0, o.deliveryId(), o.clientId(), o.eventName(), o.spaceId(),
              o.roomId(), o.recordId(), o.url(), attempt, payload, signature, status, error, outcome,
              clock.now(), (System.nanoTime() - started) / 1_000_000));
          if (outcome.equals(DeliveryAttempt.RETRYING)) {
            vertx.setTimer(Math.max(1, retryMillis), t -> attempt(o, payload, signature, attempt + 1));
          }
        });
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
  }

  /** What to send where, and under which names to journal it. */
  public record Outgoing(String deliveryId, String clientId, String eventName, String spaceId, String roomId,
                         String recordId, String url, String secret, Map<String, Object> body,
                         java.util.function.BooleanSupplier calledOff) {
  }
}
