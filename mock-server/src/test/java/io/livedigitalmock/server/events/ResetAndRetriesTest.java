package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livedigitalmock.server.MockConfig;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant reset is the line between one test and the next: retries of events from before it must not
 * reach the receiver or the delivery log afterwards. Retries are 1 s apart here, so the reset surely
 * comes between the first attempt and the second.
 */
class ResetAndRetriesTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit(MockConfig.defaults().withPort(0).withSeed(11)
      .withWebhookRetryInterval(Duration.ofSeconds(1)).withWebhookTimeout(Duration.ofSeconds(2)));

  @Test
  void aTenantResetCallsOffThePendingRetriesOfItsEvents() {
    try (WebhookReceiver receiver = WebhookReceiver.answering(500)) {
      EventsKit.Tenant t = kit.newTenant();
      String spaceId = t.createSpace();
      t.createWebhook(spaceId, receiver.url());
      String roomId = t.createRoomId(spaceId);
      long seq = t.lastSeq();
      t.join(roomId, "Ann", "user");
      JsonObject first = t.nextDelivery("eventName=call_started&outcome=retrying", seq);
      assertEquals(1, first.getInteger("attempt"));

      kit.post("/_mock/tenants/" + t.clientId + "/reset", null, null).expect(200);

      // the second attempt was due 1 s after the first: give it 2.5 s to (not) show up
      t.assertNoDelivery("eventName=call_started", first.getLong("seq"), 2_500);
      assertEquals(1, receiver.received().size(), "the receiver got the first attempt only");
    }
  }

  /** W11: an attempt already on the wire at the reset finishes, but its outcome stays out of the new log. */
  @Test
  void anAttemptUnderWayAtATenantResetIsNotLoggedAfterIt() {
    try (WebhookReceiver receiver = WebhookReceiver.delayed(Duration.ofMillis(1_000), 200)) {
      EventsKit.Tenant t = kit.newTenant();
      String spaceId = t.createSpace();
      t.createWebhook(spaceId, receiver.url());
      long seq = t.lastSeq();
      for (int i = 0; i < 3; i++) {
        kit.post("/_mock/spaces/" + spaceId + "/webhook/test-event", null,
            new JsonObject().put("body", new JsonObject().put("eventName", "ping").put("n", i))).expect(202);
      }
      for (int i = 0; i < 3; i++) {
        receiver.await(EventsKit.WAIT);   // all three are on the wire, each answered 1 s after it arrived
      }

      kit.post("/_mock/tenants/" + t.clientId + "/reset", null, null).expect(200);

      t.assertNoDelivery("eventName=ping", seq, 2_500);
    }
  }
}
