package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.livedigitalmock.server.events.EventsKit.Resp;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.livedigitalmock.server.events.WebhookReceiver.Received;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each shipped scenario does what the README says it does. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShippedScenariosTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;

  @BeforeEach
  void tenant() {
    t = kit.newTenant();
  }

  private void load(String name) {
    kit.post("/_mock/tenants/" + t.clientId + "/scenario?name=" + name, null, null).expect(201);
  }

  private Resp clientToken() {
    return kit.post("/v1/auth/token", null, new JsonObject().put("client_id", t.clientId)
        .put("client_secret", t.clientSecret).put("grant_type", "client_credentials"));
  }

  @Test
  void tokenEndpointOutage() {
    load("token-endpoint-outage");
    Resp down = clientToken();
    assertEquals(503, down.status());
    assertEquals("5", down.header("Retry-After"));
    assertEquals(200, kit.get("/v1/users/me", t.token).status(), "tokens already held still work");
    t.advanceClock(29);
    assertEquals(503, clientToken().status());
    t.advanceClock(1);
    assertEquals(200, clientToken().status(), "recovered after 30 s of mock time");
  }

  @Test
  void rateLimiting() {
    load("rate-limiting");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Resp r = kit.get("/v1/users/me", t.token);
      seen.add(r.status() + (r.status() == 429 ? "/" + r.header("Retry-After") : ""));
    }
    assertEquals(List.of("429/1", "429/1", "429/1", "200", "429/2", "200", "200", "200", "200", "429/2"), seen);
  }

  @Test
  void flakyWebhookReceiver() {
    String spaceId = t.createSpace();
    String roomId = t.createRoomId(spaceId);
    try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
      String secret = t.createWebhook(spaceId, receiver.url()).getString("secret");
      load("flaky-webhook-receiver");
      t.leave(t.join(roomId, "Alice", "user").getString("id"));   // events 1 and 2
      List<Received> got = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        got.add(receiver.await(EventsKit.WAIT));
      }
      assertEquals(2, got.stream().filter(r -> name(r).equals("call_started")).count(), "the 1st twice");
      Received finished = got.stream().filter(r -> name(r).equals("call_finished")).findFirst().orElseThrow();
      assertFalse(EventsKit.hmac(secret, EventsKit.sentBody(finished.text())).equals(finished.signature()),
          "the 2nd with a wrong signature");
      t.leave(t.join(roomId, "Bob", "user").getString("id"));     // event 3 held, event 4 late
      Received fourth = receiver.await(EventsKit.WAIT);
      Received third = receiver.await(EventsKit.WAIT);
      assertEquals("call_finished", name(fourth));
      assertEquals("call_started", name(third), "the 3rd after the 4th");
      assertEquals(EventsKit.hmac(secret, EventsKit.sentBody(third.text())), third.signature());
    }
  }

  private static String name(Received r) {
    return r.eventBody().getString("eventName");
  }

  @Test
  void recordingFailureMidCall() {
    String spaceId = t.createSpace();
    String roomId = t.createRoomId(spaceId);
    t.createWebhook(spaceId, "http://127.0.0.1:9/unreachable");
    load("recording-failure-mid-call");
    t.join(roomId, "Teacher", "moderator");
    JsonObject started = kit.post("/_mock/rooms/" + roomId + "/recording/start", null, null).expect(201);
    assertEquals("started", started.getString("state"), "whoever started it is told it started");
    assertEquals(started.getString("id"), t.nextDelivery("eventName=record_failed", 0).getString("recordId"));
    assertNull(t.roomState(roomId).getValue("activeRecording"), "the call goes on without a recording");
    JsonObject again = kit.post("/_mock/rooms/" + roomId + "/recording/start", null, null).expect(201);
    assertEquals(again.getString("id"), t.roomState(roomId).getJsonObject("activeRecording").getString("id"),
        "a new recording in the same call works");
    List<JsonObject> records = new ArrayList<>();
    kit.get("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/records", t.token).expect(200).getJsonArray("items")
        .forEach(r -> records.add((JsonObject) r));
    assertEquals(List.of("failed", "started"), records.stream().map(r -> r.getString("state")).toList());
  }
}
