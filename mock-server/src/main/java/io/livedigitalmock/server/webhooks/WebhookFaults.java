package io.livedigitalmock.server.webhooks;

import io.livedigitalmock.server.domain.webhooks.DeliveryFilter;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.livedigitalmock.server.domain.webhooks.EventSink;
import io.livedigitalmock.server.domain.webhooks.WebhookEvent;
import io.livedigitalmock.server.faults.FaultBook;
import io.livedigitalmock.server.faults.Fired;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fault rules on the way out: every event (and test event) passes here before the
 * {@link WebhookDispatcher}, and a rule on {@code webhooks} may delay it, send it twice, send it with
 * a signature made with another key, drop it, or hold it back until the next event of its space has
 * been delivered once (out of order). A held event is sent after {@link #HOLD_MILLIS} at the latest.
 */
public final class WebhookFaults implements EventSink {

  static final long HOLD_MILLIS = 30_000;

  private final Vertx vertx;
  private final WebhookDispatcher dispatcher;
  private final DeliveryJournal journal;
  private final FaultBook faults;
  private final Supplier<Instant> serverNow;
  private volatile Function<String, Instant> tenantNow;
  /** Events held back, by tenant and space. */
  private final Map<String, List<WebhookDispatcher.Outgoing>> held = new HashMap<>();

  public WebhookFaults(Vertx vertx, WebhookDispatcher dispatcher, DeliveryJournal journal, FaultBook faults,
                       Supplier<Instant> serverNow) {
    this.vertx = vertx;
    this.dispatcher = dispatcher;
    this.journal = journal;
    this.faults = faults;
    this.serverNow = serverNow;
    this.tenantNow = clientId -> serverNow.get();
  }

  /** How to read a tenant's mock time (rule windows); set once the tenants exist. */
  public void tenantClocks(Function<String, Instant> clocks) {
    this.tenantNow = clocks;
  }

  @Override
  public void publish(WebhookEvent e) {
    deliver(WebhookDispatcher.outgoing(e));
  }

  /**
   * For the control plane, which refuses a test event rather than let it be dropped.
   *
   * @throws DeliveryQueueFull if it would not fit among the deliveries waiting to be sent now
   */
  public void requireRoomFor(WebhookDispatcher.Outgoing o) {
    dispatcher.requireRoomFor(o);
  }

  /**
   * Delivers, unless a rule says otherwise.
   *
   * @throws IllegalArgumentException if the body cannot be written byte-exactly as Node would
   */
  public void deliver(WebhookDispatcher.Outgoing o) {
    NodeJson.stringify(o.body());   // refuse at once what the dispatcher would refuse, even if it is held or delayed
    Instant server = serverNow.get();
    Fired fired = faults.decideWebhook(o.clientId(), o.eventName(), tenantNow.apply(o.clientId()), server);
    if (fired == null) {
      send(o);
    } else if (fired.delayMillis() > 0) {
      vertx.setTimer(fired.delayMillis(), t -> act(o, fired));
    } else {
      act(o, fired);
    }
  }

  private void act(WebhookDispatcher.Outgoing o, Fired fired) {
    switch (fired.kind()) {
      case PASS -> send(o);
      case DUPLICATE -> {
        send(o);
        send(o);
      }
      case WRONG_SIGNATURE -> send(new WebhookDispatcher.Outgoing(o.deliveryId(), o.clientId(), o.eventName(),
          o.spaceId(), o.roomId(), o.recordId(), o.url(), o.secret() + "/not-the-webhook-secret", o.body(),
          o.calledOff()));
      case DROP -> { }
      case OUT_OF_ORDER -> hold(o);
      default -> throw new IllegalStateException(fired.kind() + " is not a webhook fault");
    }
  }

  /** Sends, then lets the events held for its space follow once its first attempt is journaled. */
  private void send(WebhookDispatcher.Outgoing o) {
    List<WebhookDispatcher.Outgoing> following;
    synchronized (held) {
      following = held.remove(key(o));
    }
    long before = journal.lastSeq();
    dispatcher.deliver(o);
    if (following != null) {
      journal.next(new DeliveryFilter(o.clientId(), o.eventName(), o.spaceId(), o.roomId(), o.recordId(), null),
              before)
          .orTimeout(HOLD_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)
          .whenComplete((attempt, error) -> following.forEach(dispatcher::deliver));
    }
  }

  private void hold(WebhookDispatcher.Outgoing o) {
    synchronized (held) {
      held.computeIfAbsent(key(o), k -> new ArrayList<>()).add(o);
    }
    vertx.setTimer(HOLD_MILLIS, t -> {
      boolean stillHeld;
      synchronized (held) {
        List<WebhookDispatcher.Outgoing> list = held.get(key(o));
        stillHeld = list != null && list.remove(o);
        if (list != null && list.isEmpty()) {
          held.remove(key(o));
        }
      }
      if (stillHeld) {
        dispatcher.deliver(o);
      }
    });
  }

  private static String key(WebhookDispatcher.Outgoing o) {
    return o.clientId() + "/" + o.spaceId();
  }
}
