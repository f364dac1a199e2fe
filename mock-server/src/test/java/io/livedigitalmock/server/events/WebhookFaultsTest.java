package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.livedigitalmock.server.events.WebhookReceiver.Received;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook faults: delayed, sent twice, out of order, with a wrong signature, dropped. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhookFaultsTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;
  private String roomId;
  private String secret;
  private WebhookReceiver receiver;

  @BeforeEach
  void roomWithAWebhook() {
    t = kit.newTenant();
    String spaceId = t.createSpace();
    roomId = t.createRoomId(spaceId);
    receiver = WebhookReceiver.answering(200);
    secret = t.createWebhook(spaceId, receiver.url()).getString("secret");
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private void rule(JsonObject rule) {
    kit.post("/_mock/tenants/" + t.clientId + "/faults", null, rule.put("on", "webhooks")).expect(201);
  }

  /** A call: call_started, then call_finished. */
  private void call() {
    t.leave(t.join(roomId, "Alice", "user").getString("id"));
  }

  private static String event(Received r) {
    return r.eventBody().getString("eventName");
  }

  private boolean signedWithTheSecret(Received r) {
    return EventsKit.hmac(secret, EventsKit.sentBody(r.text())).equals(r.signature());
  }

  @Test
  void sentTwice() {
    rule(new JsonObject().put("match", new JsonObject().put("event", "call_started")).put("fault", "duplicate"));
    call();
    Received first = receiver.await(EventsKit.WAIT);
    Received second = receiver.await(EventsKit.WAIT);
    Received third = receiver.await(EventsKit.WAIT);
    assertEquals(2, java.util.stream.Stream.of(first, second, third).filter(r -> event(r).equals("call_started"))
        .count());
    assertEquals(1, java.util.stream.Stream.of(first, second, third).filter(r -> event(r).equals("call_finished"))
        .count());
    assertTrue(signedWithTheSecret(first) && signedWithTheSecret(second) && signedWithTheSecret(third));
  }

  @Test
  void aWrongSignature() {
    rule(new JsonObject().put("when", new JsonObject().put("nth", 1)).put("fault", "wrongSignature"));
    t.join(roomId, "Alice", "user");
    Received started = receiver.await(EventsKit.WAIT);
    assertEquals("call_started", event(started));
    assertTrue(started.signature().matches("[0-9a-f]{64}"), "well-formed");
    assertTrue(!signedWithTheSecret(started), "but not made with the webhook's secret");
    JsonObject logged = t.nextDelivery("eventName=call_started", 0);
    assertEquals(started.signature(), logged.getString("signature"));
  }

  @Test
  void dropped() {
    rule(new JsonObject().put("match", new JsonObject().put("event", "call_started")).put("fault", "drop"));
    call();
    assertEquals("call_finished", event(receiver.await(EventsKit.WAIT)));
    t.assertNoDelivery("eventName=call_started", 0, 300);
    assertEquals(1, receiver.received().size());
  }

  @Test
  void delayed() {
    rule(new JsonObject().put("match", new JsonObject().put("event", "call_started")).put("delay", "600ms"));
    long before = System.nanoTime();
    t.join(roomId, "Alice", "user");
    Received started = receiver.await(EventsKit.WAIT);
    assertTrue((started.receivedNanos() - before) / 1_000_000 >= 600, "sent 600 ms late");
    assertTrue(signedWithTheSecret(started));
  }

  @Test
  void outOfOrderHeldUntilTheNextEventOfTheSpaceWasDelivered() {
    rule(new JsonObject().put("match", new JsonObject().put("event", "call_started")).put("fault", "outOfOrder"));
    String participant = t.join(roomId, "Alice", "user").getString("id");
    t.assertNoDelivery("eventName=call_started", 0, 300);
    t.leave(participant);
    Received first = receiver.await(EventsKit.WAIT);
    Received second = receiver.await(EventsKit.WAIT);
    assertEquals("call_finished", event(first));
    assertEquals("call_started", event(second));
    assertNotEquals(first.index(), second.index());
    assertTrue(signedWithTheSecret(second));
  }

  @Test
  void rulesOfAnotherTenantLeaveThisOneAlone() {
    Tenant other = kit.newTenant();
    kit.post("/_mock/tenants/" + other.clientId + "/faults", null,
        new JsonObject().put("on", "webhooks").put("fault", "drop")).expect(201);
    t.join(roomId, "Alice", "user");
    assertEquals("call_started", event(receiver.await(EventsKit.WAIT)));
  }
}
