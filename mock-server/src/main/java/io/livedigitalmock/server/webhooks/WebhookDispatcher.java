package io.livedigitalmock.server.webhooks;

import io.livedigitalmock.server.domain.common.Footprint;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.webhooks.DeliveryAttempt;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.livedigitalmock.server.domain.webhooks.EventSink;
import io.livedigitalmock.server.domain.webhooks.WebhookEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers webhook events over real HTTP: {@code POST <url>} with {@code {"signature","body"}}. A
 * receiver that answers other than 2xx, refuses or times out gets up to {@link #ATTEMPTS} attempts in
 * all, {@code retryInterval} apart, then the event is dropped [guide]. Every attempt goes to the
 * {@link DeliveryJournal}, whatever went wrong, even if the request could not be made at all. Runs on
 * its own Vert.x context: API requests only enqueue.
 *
 * <p>Attempts to one receiver wait in its own queue for one of {@link #MAX_CONNECTIONS_PER_RECEIVER}
 * connections, not in the HTTP client's pool, so that an attempt whose tenant was reset meanwhile is
 * dropped unsent; and one under way when the reset came is not journaled (it belongs to the old log).
 *
 * <p>Events waiting to be sent or retried hold at most {@code queueBytes} ({@code --delivery-queue-bytes})
 * of payload: past it, a new event is dropped at once, with a journaled attempt that says so (the
 * control plane asks first, {@link #requireRoomFor}, and refuses a test event instead).
 */
public final class WebhookDispatcher implements EventSink {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  public static final int ATTEMPTS = 3;

  /**
   * Attempts that may be in flight to one receiver at once. Vert.x's default pool (5 per host) made
   * further attempts wait for a connection behind hung ones, stretching the retry interval.
   */
  static final int MAX_CONNECTIONS_PER_RECEIVER = 256;

  private final Vertx vertx;
  private final Context context;
  /** Made at the first delivery, on {@link #context}: most runs never send one, and making it costs start-up time. */
  private HttpClient client;
  /** Who posts, as receivers see it [ledger W8]. */
  static final String USER_AGENT = "livedigital-mock-webhooks";
  private final DeliveryJournal journal;
  private final MockClock clock;
  private final long retryMillis;
  private final long timeoutMillis;
  private final int connectionsPerReceiver;
  private final WaitingBytes waiting;
  /** Receivers with attempts under way or waiting, by origin; only touched on {@link #context}. */
  private final Map<String, Receiver> receivers = new HashMap<>();
  private volatile HostReach hostReach = HostReach.direct();

  public WebhookDispatcher(Vertx vertx, DeliveryJournal journal, MockClock clock, Duration retryInterval,
                           Duration timeout, long queueBytes) {
    this(vertx, journal, clock, retryInterval, timeout, queueBytes, MAX_CONNECTIONS_PER_RECEIVER);
  }

  WebhookDispatcher(Vertx vertx, DeliveryJournal journal, MockClock clock, Duration retryInterval,
                    Duration timeout, long queueBytes, int connectionsPerReceiver) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.journal = journal;
    this.clock = clock;
    this.retryMillis = retryInterval.toMillis();
    this.timeoutMillis = timeout.toMillis();
    this.connectionsPerReceiver = connectionsPerReceiver;
    this.waiting = new WaitingBytes(queueBytes);
  }

  /** How URLs naming the loopback reach the host ({@code --host-loopback-alias}, {@code --host-relay}). */
  public void hostReach(HostReach reach) {
    this.hostReach = reach;
  }

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
   * Delivers an event, or any body (the control plane's test events), signed like an event. Past
   * {@code --delivery-queue-bytes} the event is dropped at once, with a journaled attempt saying why:
   * events come from inside domain operations and timers, which must not fail for it.
   *
   * @throws IllegalArgumentException if the body cannot be written byte-exactly as Node would
   */
  public void deliver(Outgoing outgoing) {
    Attempt first = firstAttempt(outgoing);
    WaitingBytes.Held held;
    try {
      held = waiting.hold(weight(first));
    } catch (DeliveryQueueFull full) {
      journal.record(new DeliveryAttempt(0, outgoing.deliveryId(), outgoing.clientId(), outgoing.eventName(),
          outgoing.spaceId(), outgoing.roomId(), outgoing.recordId(), outgoing.url(), 1, first.payload,
          first.signature, null, full.getMessage(), DeliveryAttempt.DROPPED, clock.now(), 0, null));
      return;
    }
    Attempt attempt = new Attempt(outgoing, first.payload, first.signature, 1, held);
    context.runOnContext(v -> enqueue(attempt));
  }

  /**
   * For the control plane, which may refuse a test event rather than drop it.
   *
   * @throws DeliveryQueueFull if this event would not fit among those waiting to be sent now
   */
  public void requireRoomFor(Outgoing outgoing) {
    waiting.requireRoom(weight(firstAttempt(outgoing)));
  }

  private static long weight(Attempt first) {
    return Footprint.of(first.payload) + Footprint.of(first.outgoing.url());
  }

  /** The bytes every attempt sends: {@code {"signature","body"}}, signed as the guide says. */
  private static Attempt firstAttempt(Outgoing outgoing) {
    String body = NodeJson.stringify(outgoing.body());
    String signature = WebhookSigner.sign(outgoing.secret(), body);
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("signature", signature);
    envelope.put("body", outgoing.body());
    return new Attempt(outgoing, NodeJson.stringify(envelope), signature, 1, null);
  }

  private void enqueue(Attempt a) {
    if (a.calledOff()) {
      a.held.release();
      return;   // the tenant was reset since: its old events must not show up in the new log
    }
    receivers.computeIfAbsent(origin(a.outgoing.url()), Receiver::new).offer(a);
  }

  /** One receiver's attempts: at most {@link #connectionsPerReceiver} under way, the rest waiting in order. */
  private final class Receiver {

    private final String origin;
    private final ArrayDeque<Attempt> waiting = new ArrayDeque<>();
    private int underWay;

    Receiver(String origin) {
      this.origin = origin;
    }

    void offer(Attempt a) {
      waiting.add(a);
      pump();
    }

    private void pump() {
      while (underWay < connectionsPerReceiver && !waiting.isEmpty()) {
        Attempt next = waiting.poll();
        if (next.calledOff()) {
          next.held.release();
          continue;   // called off while it waited for a connection: never sent
        }
        underWay++;
        send(next, () -> {
          underWay--;
          pump();
        });
      }
      if (underWay == 0 && waiting.isEmpty()) {
        receivers.remove(origin);
      }
    }
  }

  private void send(Attempt a, Runnable connectionFree) {
    long started = System.nanoTime();
    HostReach.Route route = hostReach.route(a.outgoing.url());
    Future<Integer> sent;
    try {
      RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(route.url())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .putHeader(HttpHeaders.USER_AGENT, USER_AGENT);
      if (route.proxy() != null) {
        request.setProxyOptions(route.proxy());
      }
      // the receiver's time to answer, counted once the request is on a connection (waiting for one
      // must not use up, and fail, an attempt that was never sent), and for the whole answer: one that
      // never answers and one that trickles its bytes (which would reset an idle timeout) end alike
      sent = client().request(request).compose(on -> {
        TimeoutException late = new TimeoutException("the receiver did not answer in full within " + timeoutMillis
            + " ms");
        AtomicBoolean cut = new AtomicBoolean();
        long deadline = vertx.setTimer(timeoutMillis, t -> {
          cut.set(true);
          on.reset(0, late);
        });
        // its status is all an attempt needs: the body is let go as it comes, however large
        return on.send(Buffer.buffer(a.payload))
            .compose(answer -> answer.handler(piece -> { }).end().map(ended -> answer.statusCode()))
            .recover(failed -> Future.failedFuture(cut.get() ? late : failed))
            .andThen(done -> vertx.cancelTimer(deadline));
      });
    } catch (RuntimeException cannotEvenStart) {
      // e.g. a url Vert.x cannot use: still an attempt, logged and retried like a refused connection
      sent = Future.failedFuture(cannotEvenStart);
    }
    sent.onComplete(result -> {
      connectionFree.run();
      try {
        finished(a, result, (System.nanoTime() - started) / 1_000_000, route.sentTo());
      } catch (RuntimeException bug) {
        a.held.release();
        LOG.log(Level.WARNING, "could not journal a webhook attempt to " + a.outgoing.url(), bug);
      }
    });
  }

  private HttpClient client() {
    if (client == null) {
      HttpClientOptions options = new HttpClientOptions()
          .setConnectTimeout((int) timeoutMillis)
          .setTrustAll(true)
          .setVerifyHost(false);
      // a receiver that drops an idle pooled connection (an app's test server stopping) is no error of
      // ours: an attempt on the wire learns of it through its own result, so nothing is logged for it
      client = vertx.httpClientBuilder().with(options)
          .with(new PoolOptions().setHttp1MaxSize(connectionsPerReceiver))
          .withConnectHandler(connection -> connection.exceptionHandler(dropped -> { }))
          .build();
    }
    return client;
  }

  private void finished(Attempt a, AsyncResult<Integer> result, long millis, String sentTo) {
    if (a.calledOff()) {
      a.held.release();
      return;   // under way when the tenant was reset: its outcome is not for the new log
    }
    Outgoing o = a.outgoing;
    Integer status = result.succeeded() ? result.result() : null;
    String error = result.succeeded() ? null : describe(result.cause());
    boolean delivered = status != null && status >= 200 && status < 300;
    String outcome = delivered ? DeliveryAttempt.DELIVERED
        : a.number < ATTEMPTS ? DeliveryAttempt.RETRYING : DeliveryAttempt.DROPPED;
    journal.record(new DeliveryAttempt(0, o.deliveryId(), o.clientId(), o.eventName(), o.spaceId(),
        o.roomId(), o.recordId(), o.url(), a.number, a.payload, a.signature, status, error, outcome,
        clock.now(), millis, sentTo));
    if (outcome.equals(DeliveryAttempt.RETRYING)) {
      vertx.setTimer(Math.max(1, retryMillis), t -> enqueue(a.next()));
    } else {
      a.held.release();
    }
  }

  /** {@code scheme://host:port} of a url: attempts to one origin share its connections. */
  private static String origin(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message != null ? ": " + message : "");
  }

  /** The {@code number}th attempt to send an event: the same bytes every time. */
  private record Attempt(Outgoing outgoing, String payload, String signature, int number, WaitingBytes.Held held) {

    boolean calledOff() {
      return outgoing.calledOff().getAsBoolean();
    }

    Attempt next() {
      return new Attempt(outgoing, payload, signature, number + 1, held);
    }
  }

  /** What to send where, and under which names to journal it. */
  public record Outgoing(String deliveryId, String clientId, String eventName, String spaceId, String roomId,
                         String recordId, String url, String secret, Map<String, Object> body,
                         java.util.function.BooleanSupplier calledOff) {
  }
}
