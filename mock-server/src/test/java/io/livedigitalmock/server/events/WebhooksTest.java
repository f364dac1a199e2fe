package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.events.EventsKit.Member;
import io.livedigitalmock.server.events.EventsKit.Resp;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.livedigitalmock.server.events.WebhookReceiver.Received;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * Point 3: the webhook's create/get/update/delete/refresh-secret for the space owner on paid plans;
 * every event POSTed as {@code {"signature","body"}}; 3 attempts in all, a configurable interval
 * apart, then dropped; deliveries never slow the API; the delivery journal and its long-poll.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebhooksTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;
  private String spaceId;
  private String webhook;


  @BeforeEach
  void tenantWithSpace() {
    t = kit.newTenant();
    spaceId = t.createSpace();
    webhook = "/v1/spaces/" + spaceId + "/webhook";
  }

  @Test
  void createGetUpdateDeleteAndRefreshSecret() {
    kit.get(webhook, t.token).expect(404);
    JsonObject created = kit.post(webhook, t.token, new JsonObject().put("url", "http://127.0.0.1:9/a")).expect(201);
    assertEquals(List.of("url", "secret", "isActive"), List.copyOf(created.fieldNames()));
    assertEquals("http://127.0.0.1:9/a", created.getString("url"));
    assertTrue(created.getBoolean("isActive"));
    String secret = created.getString("secret");
    assertFalse(secret.isBlank());
    kit.post(webhook, t.token, new JsonObject().put("url", "http://127.0.0.1:9/b")).expect(409);

    JsonObject got = kit.get(webhook, t.token).expect(200);
    assertEquals(new JsonObject().put("url", "http://127.0.0.1:9/a").put("isActive", true), got,
        "get shows no secret");

    assertEquals(new JsonObject().put("url", "http://127.0.0.1:9/a").put("isActive", false),
        kit.put(webhook, t.token, new JsonObject().put("isActive", false)).expect(200));
    assertEquals(new JsonObject().put("url", "http://127.0.0.1:9/c").put("isActive", true),
        kit.put(webhook, t.token, new JsonObject().put("url", "http://127.0.0.1:9/c").put("isActive", true))
            .expect(200));
    assertEquals("http://127.0.0.1:9/c", kit.get(webhook, t.token).expect(200).getString("url"));

    JsonObject refreshed = kit.put(webhook + "/refresh-secret", t.token, null).expect(200);
    assertEquals(List.of("url", "secret", "isActive"), List.copyOf(refreshed.fieldNames()));
    assertNotEquals(secret, refreshed.getString("secret"));
    assertEquals("http://127.0.0.1:9/c", refreshed.getString("url"));

    kit.delete(webhook, t.token).expect(200);
    kit.get(webhook, t.token).expect(404);
    kit.delete(webhook, t.token).expect(404);
    kit.put(webhook + "/refresh-secret", t.token, null).expect(404);
    JsonObject again = kit.post(webhook, t.token, new JsonObject().put("url", "https://example.com/hook"))
        .expect(201);
    assertNotEquals(refreshed.getString("secret"), again.getString("secret"));

    kit.post("/v1/spaces/" + t.createSpace() + "/webhook", t.token, new JsonObject().put("url", "ftp://x/y"))
        .expect(400);
    kit.post("/v1/spaces/" + t.createSpace() + "/webhook", t.token, new JsonObject()).expect(400);
    kit.put(webhook, t.token, new JsonObject().put("url", "not a url")).expect(400);
    kit.post("/v1/spaces/0123456789abcdef01234567/webhook", t.token, new JsonObject().put("url", "http://h/"))
        .expect(404);
  }

  /** A url no request can be sent to is a clear 400 at registration, not lost events later. */
  @Test
  void aUrlWithAPortNoConnectionCanUseIsRefused() {
    for (String url : List.of("http://127.0.0.1:99999/hook", "http://127.0.0.1:0/hook", "https://localhost:65536/")) {
      JsonObject refused = kit.post(webhook, t.token, new JsonObject().put("url", url)).expect(400);
      assertTrue(refused.getString("message").contains("port"), refused.encode());
    }
    kit.get(webhook, t.token).expect(404);
    kit.post(webhook, t.token, new JsonObject().put("url", "http://127.0.0.1:65535/hook")).expect(201);
    kit.put(webhook, t.token, new JsonObject().put("url", "http://127.0.0.1:70000/hook")).expect(400);
    assertEquals("http://127.0.0.1:65535/hook", kit.get(webhook, t.token).expect(200).getString("url"));
  }

  @Test
  void onlyTheSpaceOwnerManagesTheWebhook() {
    kit.post(webhook, t.token, new JsonObject().put("url", "http://127.0.0.1:9/a")).expect(201);
    Member moderator = t.spaceMember(spaceId, "role_space_moderator", "Deputy");
    Member user = t.spaceMember(spaceId, "role_space_user", "Pupil");
    for (String token : List.of(moderator.token(), user.token(), t.clientToken())) {
      kit.post(webhook, token, new JsonObject().put("url", "http://127.0.0.1:9/x")).expect(403);
      kit.get(webhook, token).expect(403);
      kit.put(webhook, token, new JsonObject().put("isActive", false)).expect(403);
      kit.put(webhook + "/refresh-secret", token, null).expect(403);
      kit.delete(webhook, token).expect(403);
    }
    assertEquals(new JsonObject().put("url", "http://127.0.0.1:9/a").put("isActive", true),
        kit.get(webhook, t.token).expect(200), "the refused calls changed nothing");
    kit.get(webhook, null).expect(401);
  }

  @Test
  void refusedOnTheFreePlanAndSilentAfterADowngrade() {
    try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
      String freeSpace = t.createSpace();
      t.setPlan(freeSpace, "free");
      String freeHook = "/v1/spaces/" + freeSpace + "/webhook";
      Resp refused = kit.post(freeHook, t.token, new JsonObject().put("url", receiver.url()));
      assertEquals(403, refused.status());
      assertTrue(refused.json().getString("message").contains("free"), refused.text());
      kit.get(freeHook, t.token).expect(403);
      t.setPlan(freeSpace, "basic");
      kit.post(freeHook, t.token, new JsonObject().put("url", receiver.url())).expect(201);

      String roomId = t.createRoomId(freeSpace);
      long seq = t.lastSeq();
      t.setPlan(freeSpace, "free");
      kit.get(freeHook, t.token).expect(403);
      t.leave(t.join(roomId, "Nobody hears", "user").getString("id"));
      t.assertNoDelivery("spaceId=" + freeSpace, seq, 1_000);
      assertTrue(receiver.received().isEmpty());

      t.setPlan(freeSpace, "basic");
      t.join(roomId, "Heard", "user");
      assertEquals("call_started", receiver.await(EventsKit.WAIT).eventBody().getString("eventName"));
    }
  }

  @Test
  void aReceiverAnswering500Then500Then200GetsTheEventOnTheThirdAttempt() {
    try (WebhookReceiver receiver = WebhookReceiver.answering(500, 500, 200)) {
      t.createWebhook(spaceId, receiver.url());
      String roomId = t.createRoomId(spaceId);
      long seq = t.lastSeq();
      t.join(roomId, "Ann", "user");

      JsonObject delivered = t.nextDelivery("roomId=" + roomId + "&outcome=delivered", seq);
      assertEquals(3, delivered.getInteger("attempt"));
      List<JsonObject> attempts = t.deliveries("roomId=" + roomId);
      assertEquals(3, attempts.size(), attempts::toString);
      assertEquals(List.of(1, 2, 3), attempts.stream().map(a -> a.getInteger("attempt")).toList());
      assertEquals(List.of(500, 500, 200), attempts.stream().map(a -> a.getInteger("status")).toList());
      assertEquals(List.of("retrying", "retrying", "delivered"),
          attempts.stream().map(a -> a.getString("outcome")).toList());
      assertEquals(1, attempts.stream().map(a -> a.getString("deliveryId")).distinct().count(),
          "three attempts of one delivery");
      attempts.forEach(a -> {
        assertNull(a.getString("error"));
        assertEquals(receiver.url(), a.getString("url"));
        assertEquals("call_started", a.getString("eventName"));
      });

      List<Received> got = List.of(receiver.await(EventsKit.WAIT), receiver.await(EventsKit.WAIT),
          receiver.await(EventsKit.WAIT));
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(attempts.get(i).getString("requestBody").getBytes(StandardCharsets.UTF_8),
            got.get(i).body(), "requestBody is the exact bytes sent");
        assertEquals(attempts.get(i).getString("signature"), got.get(i).signature());
      }
      assertArrayEquals(got.get(0).body(), got.get(2).body(), "a retry resends the same bytes");
      for (int i = 1; i < 3; i++) {
        long gapMillis = (got.get(i).receivedNanos() - got.get(i - 1).receivedNanos()) / 1_000_000;
        assertTrue(gapMillis >= 100, "attempts are the configured 100 ms apart at least, got " + gapMillis);
      }
      t.assertNoDelivery("roomId=" + roomId, delivered.getLong("seq"), 500);
      assertEquals(3, receiver.received().size());
    }
  }

  @Test
  void aReceiverWhoseAnswerNeverEndsGetsThreeAttemptsCutAtTheTimeoutThenTheEventIsDropped() {
    Duration receiverTimeout = Duration.ofSeconds(1);
    try (MockServer slowMock = EventsKit.startMock(receiverTimeout);
         WebhookReceiver endless = WebhookReceiver.endlessBody()) {
      EventsKit slowKit = new EventsKit(slowMock);
      Tenant tenant = slowKit.newTenant();
      String space = tenant.createSpace();
      String room = tenant.createRoomId(space);
      tenant.createWebhook(space, endless.url());
      long seq = tenant.lastSeq();

      tenant.join(room, "Ann", "user");
      tenant.nextDelivery("roomId=" + room + "&outcome=dropped", seq);
      List<JsonObject> attempts = tenant.deliveries("roomId=" + room);
      assertEquals(List.of("retrying", "retrying", "dropped"),
          attempts.stream().map(a -> a.getString("outcome")).toList(), attempts::toString);
      attempts.forEach(a -> {
        // the body kept coming, so no idle timeout could end it: the attempt's own deadline did
        assertTrue(a.getString("error").contains("did not answer in full within 1000 ms"), a::toString);
        assertTrue(a.getLong("durationMs") < 10 * receiverTimeout.toMillis(), a::toString);
      });
    }
  }

  @Test
  void aDeadReceiverGetsExactlyThreeAttemptsThenTheEventIsDroppedAndTheApiStaysFast() {
    Duration receiverTimeout = Duration.ofSeconds(2);
    try (MockServer slowMock = EventsKit.startMock(receiverTimeout);
         WebhookReceiver dead = WebhookReceiver.hanging()) {
      EventsKit slowKit = new EventsKit(slowMock);
      Tenant tenant = slowKit.newTenant();
      String space = tenant.createSpace();
      String room = tenant.createRoomId(space);
      String otherRoom = tenant.createRoomId(space);
      tenant.createWebhook(space, dead.url());
      long seq = tenant.lastSeq();

      tenant.join(room, "Ann", "user");
      Received first = dead.await(EventsKit.WAIT);
      assertEquals(room, first.eventBody().getString("roomId"));

      // the first attempt now hangs in the receiver: API calls, also ones that emit events, stay fast
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Resp join = slowKit.post("/_mock/rooms/" + otherRoom + "/participants", null,
            new JsonObject().put("name", "P" + i));
        assertEquals(201, join.status());
        Resp leave = slowKit.post("/_mock/participants/" + join.json().getString("id") + "/leave", null, null);
        assertEquals(200, leave.status());
        Resp read = slowKit.get("/v1/spaces/" + space + "/rooms/" + room, tenant.token);
        assertEquals(200, read.status());
        millis.add(join.millis());
        millis.add(leave.millis());
        millis.add(read.millis());
      }
      assertTrue(tenant.deliveries("roomId=" + room).isEmpty(),
          "the measurements were taken while the first attempt was still hanging");
      long slowest = millis.stream().mapToLong(Long::longValue).max().orElseThrow();
      assertTrue(slowest < receiverTimeout.toMillis() / 2,
          "API calls must not wait for deliveries; slowest took " + slowest + " ms: " + millis);

      JsonObject dropped = tenant.nextDelivery("roomId=" + room + "&outcome=dropped", seq);
      List<JsonObject> attempts = tenant.deliveries("roomId=" + room);
      assertEquals(3, attempts.size(), attempts::toString);
      assertEquals(List.of(1, 2, 3), attempts.stream().map(a -> a.getInteger("attempt")).toList());
      assertEquals(List.of("retrying", "retrying", "dropped"),
          attempts.stream().map(a -> a.getString("outcome")).toList());
      attempts.forEach(a -> {
        assertNull(a.getValue("status"), "no status from a receiver that never answered");
        assertNotNull(a.getString("error"));
        assertTrue(a.getLong("durationMs") >= receiverTimeout.toMillis() / 2, a::toString);
      });
      assertEquals(3, dead.received(r -> room.equals(r.eventBody().getString("roomId"))).size());

      // the 10 events emitted meanwhile end the same way, and every journaled attempt reached the receiver
      List<JsonObject> all = waitForDropped(tenant, 11, seq);
      assertEquals(33, all.size(), "11 events, 3 attempts each: " + all);
      java.util.Map<String, Long> journaled = all.stream().collect(java.util.stream.Collectors.groupingBy(
          a -> a.getString("requestBody"), java.util.stream.Collectors.counting()));
      java.util.Map<String, Long> received = dead.received().stream().collect(
          java.util.stream.Collectors.groupingBy(Received::text, java.util.stream.Collectors.counting()));
      assertEquals(journaled, received, "each attempt in the journal was really sent");
      all.stream().collect(java.util.stream.Collectors.groupingBy(a -> a.getString("deliveryId")))
          .forEach((id, tries) -> assertEquals(List.of(1, 2, 3),
              tries.stream().map(a -> a.getInteger("attempt")).sorted().toList(), id));

      long lastSeq = all.stream().mapToLong(a -> a.getLong("seq")).max().orElseThrow();
      tenant.assertNoDelivery("spaceId=" + space, lastSeq, 1_500);
      assertEquals(33, dead.received().size(), "no fourth attempt");
    }
  }

  /** Waits until {@code events} deliveries after {@code seq} are dropped; answers all their attempts. */
  private static List<JsonObject> waitForDropped(Tenant tenant, int events, long seq) {
    long after = seq;
    for (int i = 0; i < events; i++) {
      after = tenant.nextDelivery("outcome=dropped", after).getLong("seq");
    }
    return tenant.deliveries("after=" + seq);
  }

  @Test
  void aRefusedConnectionIsRetriedAndDroppedToo() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    t.createWebhook(spaceId, "http://127.0.0.1:" + closedPort + "/gone");
    String roomId = t.createRoomId(spaceId);
    long seq = t.lastSeq();
    t.join(roomId, "Ann", "user");
    t.nextDelivery("roomId=" + roomId + "&outcome=dropped", seq);
    List<JsonObject> attempts = t.deliveries("roomId=" + roomId);
    assertEquals(List.of("retrying", "retrying", "dropped"),
        attempts.stream().map(a -> a.getString("outcome")).toList());
    attempts.forEach(a -> assertNotNull(a.getString("error"), a::toString));
  }

  @Test
  void aRefreshedSecretSignsTheDeliveriesThatFollow() {
    try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
      String oldSecret = t.createWebhook(spaceId, receiver.url()).getString("secret");
      String roomId = t.createRoomId(spaceId);
      JsonObject ann = t.join(roomId, "Ann", "user");
      Received before = receiver.await(EventsKit.WAIT);
      assertEquals(EventsKit.hmac(oldSecret, before.eventBody().encode()), before.signature());

      String newSecret = kit.put(webhook + "/refresh-secret", t.token, null).expect(200).getString("secret");
      assertNotEquals(oldSecret, newSecret);
      t.leave(ann.getString("id"));
      Received after = receiver.await(EventsKit.WAIT);
      assertEquals("call_finished", after.eventBody().getString("eventName"));
      assertEquals(EventsKit.hmac(newSecret, after.eventBody().encode()), after.signature());
      assertNotEquals(EventsKit.hmac(oldSecret, after.eventBody().encode()), after.signature());

      kit.post("/_mock/spaces/" + spaceId + "/webhook/test-event", null,
          new JsonObject().put("body", new JsonObject().put("eventName", "ping").put("n", 1))).expect(202);
      Received test = receiver.await(EventsKit.WAIT);
      assertEquals("{\"eventName\":\"ping\",\"n\":1}", test.eventBody().encode());
      assertEquals(EventsKit.hmac(newSecret, "{\"eventName\":\"ping\",\"n\":1}"), test.signature());
    }
  }

  @Test
  void everyEventIsPostedAsSignatureAndBody() {
    try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
      String secret = t.createWebhook(spaceId, receiver.url()).getString("secret");
      String roomId = t.createRoomId(spaceId);
      String records = "/v1/spaces/" + spaceId + "/rooms/" + roomId + "/records";
      long seq = t.lastSeq();

      JsonObject ann = t.join(roomId, "Ann", "moderator");                       // call_started
      kit.post(records + "/start", t.token, null).expect(201);                  // record_started
      t.advanceClock(1);
      kit.post(records + "/stop", t.token, null).expect(200);                   // record_aborted
      kit.post(records + "/start", t.token, null).expect(201);                  // record_started
      t.advanceClock(5);
      kit.post(records + "/stop", t.token, null).expect(200);                   // record_finished
      kit.post(records + "/start", t.token, null).expect(201);                  // record_started
      kit.post("/_mock/rooms/" + roomId + "/recording/fail", null, null).expect(200); // record_failed
      t.leave(ann.getString("id"));                                             // call_finished

      List<String> expected = List.of("call_started", "record_started", "record_aborted", "record_started",
          "record_finished", "record_started", "record_failed", "call_finished");
      List<Received> got = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        got.add(receiver.await(EventsKit.WAIT));
      }
      assertEquals(expected.stream().sorted().toList(),
          got.stream().map(r -> r.eventBody().getString("eventName")).sorted().toList());
      for (Received r : got) {
        JsonObject envelope = r.json();
        assertEquals(List.of("signature", "body"), List.copyOf(envelope.fieldNames()), r.text());
        JsonObject body = r.eventBody();
        boolean recordEvent = body.getString("eventName").startsWith("record_");
        assertEquals(recordEvent ? List.of("eventName", "roomId", "spaceId", "recordId")
            : List.of("eventName", "roomId", "spaceId"), List.copyOf(body.fieldNames()), r.text());
        assertEquals(roomId, body.getString("roomId"));
        assertEquals(spaceId, body.getString("spaceId"));
        assertTrue(r.signature().matches("[0-9a-f]{64}"), r.signature());
        assertEquals(EventsKit.hmac(secret, body.encode()), r.signature(), r.text());
      }
      // the receiver sees a POST before the mock has its answer and journals the attempt: wait on the journal
      long after = seq;
      for (int i = 0; i < expected.size(); i++) {
        after = t.nextDelivery("spaceId=" + spaceId + "&outcome=delivered", after).getLong("seq");
      }
      assertEquals(expected.size(), t.deliveries("spaceId=" + spaceId + "&outcome=delivered").size());
      assertTrue(t.deliveries("spaceId=" + spaceId).stream().allMatch(d -> d.getLong("seq") > seq));
    }
  }

  @Test
  void anInactiveWebhookGetsNothingAndAnUpdatedUrlGetsTheRest() {
    try (WebhookReceiver first = WebhookReceiver.answering(200);
         WebhookReceiver second = WebhookReceiver.answering(200)) {
      t.createWebhook(spaceId, first.url());
      String roomId = t.createRoomId(spaceId);
      kit.put(webhook, t.token, new JsonObject().put("isActive", false)).expect(200);
      long seq = t.lastSeq();
      JsonObject ann = t.join(roomId, "Ann", "user");
      t.assertNoDelivery("spaceId=" + spaceId, seq, 1_000);

      kit.put(webhook, t.token, new JsonObject().put("url", second.url()).put("isActive", true)).expect(200);
      t.leave(ann.getString("id"));
      assertEquals("call_finished", second.await(EventsKit.WAIT).eventBody().getString("eventName"));
      assertTrue(first.received().isEmpty(), "nothing went to the old url or while inactive");
    }
  }

  @Test
  void theJournalFiltersAndLongPolls() {
    try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
      t.createWebhook(spaceId, receiver.url());
      String roomA = t.createRoomId(spaceId);
      String roomB = t.createRoomId(spaceId);
      long seq = t.lastSeq();
      t.join(roomA, "A", "moderator");
      t.join(roomB, "B", "user");
      String recordId = kit.post("/_mock/rooms/" + roomA + "/recording/start", null, null).expect(201)
          .getString("id");
      t.nextDelivery("eventName=record_started", seq);
      t.nextDelivery("roomId=" + roomB, seq);
      t.nextDelivery("roomId=" + roomA + "&eventName=call_started", seq);

      assertEquals(3, t.deliveries("after=" + seq).size());
      assertEquals(2, t.deliveries("eventName=call_started&after=" + seq).size());
      assertEquals(1, t.deliveries("eventName=call_started&roomId=" + roomB).size());
      assertEquals(2, t.deliveries("roomId=" + roomA).size());
      assertEquals(1, t.deliveries("recordId=" + recordId).size());
      assertEquals(3, t.deliveries("spaceId=" + spaceId + "&outcome=delivered").size());
      assertEquals(0, t.deliveries("outcome=dropped").size());
      assertEquals(0, t.deliveries("spaceId=0123456789abcdef01234567").size());
      JsonObject item = t.deliveries("recordId=" + recordId).get(0);
      for (String field : List.of("seq", "attempt", "status", "error", "outcome", "url", "signature",
          "requestBody", "at", "clientId", "eventName", "spaceId", "roomId", "recordId")) {
        assertTrue(item.containsKey(field), field + " in " + item);
      }
      assertEquals(200, item.getInteger("status"));
      assertEquals(t.clientId, item.getString("clientId"));
      long last = t.lastSeq();
      assertTrue(last >= item.getLong("seq"));
      assertTrue(t.deliveries("after=" + last).isEmpty());

      // next: at once for one already there, and a bounded wait ending in 404 otherwise
      assertEquals(item.getLong("seq"), t.nextDelivery("recordId=" + recordId, 0).getLong("seq"));
      long started = System.nanoTime();
      Resp none = kit.get("/_mock/webhooks/deliveries/next?" + EventsKit.query("clientId", t.clientId,
          "after", String.valueOf(last), "timeoutMs", "300"), null);
      assertEquals(404, none.status());
      assertTrue((System.nanoTime() - started) / 1_000_000 >= 250, "it waited before giving up");
      // a waiter is woken by the attempt it waits for
      java.util.concurrent.CompletableFuture<Resp> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> kit.get("/_mock/webhooks/deliveries/next?" + EventsKit.query("clientId", t.clientId,
              "eventName", "call_finished", "after", String.valueOf(last), "timeoutMs", "20000"), null));
      t.endCall(roomB);
      JsonObject woken = waiting.join().expect(200);
      assertEquals("call_finished", woken.getString("eventName"));
      assertEquals(roomB, woken.getString("roomId"));

      kit.get("/_mock/webhooks/deliveries/next?after=x", null).expect(400);
      kit.get("/_mock/webhooks/deliveries/next?timeoutMs=-1", null).expect(400);
      kit.get("/_mock/webhooks/deliveries?after=x", null).expect(400);
    }
  }
}
