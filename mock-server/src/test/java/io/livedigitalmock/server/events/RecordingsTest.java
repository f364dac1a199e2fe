package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.events.EventsKit.Member;
import io.livedigitalmock.server.events.EventsKit.Resp;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * Point 2 (and the clock of point 5): recordings started and stopped through the API and the control
 * plane, the 3-second abort window, auto-recording when a moderator joins, a failure that nothing
 * restarts, the records list by date, and 24-hour download links to a real MP4.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordingsTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;
  private String spaceId;
  private String roomId;
  private String records;
  private WebhookReceiver receiver;


  @BeforeEach
  void tenantWithRoomAndWebhook() {
    t = kit.newTenant();
    spaceId = t.createSpace();
    roomId = t.createRoomId(spaceId);
    records = "/v1/spaces/" + spaceId + "/rooms/" + roomId + "/records";
    receiver = WebhookReceiver.answering(200);
    t.createWebhook(spaceId, receiver.url());
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void startAndStopThroughTheApiFinishesARecord() {
    long seq = t.lastSeq();
    kit.post(records + "/start", t.token, null).expect(409);  // no call yet
    String callId = t.join(roomId, "Ann", "user").getString("callId");

    JsonObject started = kit.post(records + "/start", t.token, null).expect(201);
    String recordId = started.getString("id");
    assertEquals("started", started.getString("state"));
    assertEquals(callId, started.getString("callId"));
    assertEquals(roomId, started.getString("roomId"));
    assertEquals(spaceId, started.getString("spaceId"));
    kit.post(records + "/start", t.token, null).expect(409);  // one at a time
    assertEquals(recordId, t.roomState(roomId).getJsonObject("activeRecording").getString("id"));

    JsonObject startedEvent = t.nextDelivery("eventName=record_started&roomId=" + roomId, seq);
    assertEquals(recordId, startedEvent.getString("recordId"));
    assertEquals("{\"eventName\":\"record_started\",\"roomId\":\"" + roomId + "\",\"spaceId\":\"" + spaceId
        + "\",\"recordId\":\"" + recordId + "\"}", EventsKit.sentBody(startedEvent.getString("requestBody")), "the guide's four keys, in its order");

    t.advanceClock(10);
    JsonObject stopped = kit.post(records + "/stop", t.token, null).expect(200);
    assertEquals("finished", stopped.getString("state"));
    assertTrue(stopped.getLong("fileSize") > 0);
    assertEquals(10_000, ChronoUnit.MILLIS.between(Instant.parse(stopped.getString("startedAt")),
        Instant.parse(stopped.getString("finishedAt"))), 1_000);
    kit.post(records + "/stop", t.token, null).expect(409);
    assertNull(t.roomState(roomId).getJsonObject("activeRecording"));
    assertEquals(recordId, t.nextDelivery("eventName=record_finished&roomId=" + roomId, seq).getString("recordId"));

    JsonObject list = kit.get(records, t.token).expect(200);
    assertEquals(1, list.getInteger("total"));
    JsonObject item = list.getJsonArray("items").getJsonObject(0);
    for (String field : List.of("id", "name", "fileSize", "roomId", "spaceId", "callId", "state", "createdAt",
        "startedAt", "finishedAt")) {
      assertTrue(item.containsKey(field), field);
    }
    assertEquals("finished", item.getString("state"));
  }

  @Test
  void stoppingWithinThreeSecondsOfTheStartAborts() {
    long seq = t.lastSeq();
    t.join(roomId, "Ann", "moderator");
    String first = kit.post(records + "/start", t.token, null).expect(201).getString("id");
    t.advanceClock(2.5);
    JsonObject aborted = kit.post(records + "/stop", t.token, null).expect(200);
    assertEquals(first, aborted.getString("id"));
    assertEquals("aborted", aborted.getString("state"));
    assertEquals(0, aborted.getLong("fileSize"));
    assertEquals(first, t.nextDelivery("eventName=record_aborted&roomId=" + roomId, seq).getString("recordId"));
    kit.get(records + "/download/" + first, t.token).expect(409);  // an aborted record has no file

    String second = kit.post(records + "/start", t.token, null).expect(201).getString("id");
    t.advanceClock(3);
    assertEquals("finished", kit.post(records + "/stop", t.token, null).expect(200).getString("state"),
        "3 s or more is a record");
    assertEquals(second, t.nextDelivery("eventName=record_finished&roomId=" + roomId, seq).getString("recordId"));
    assertEquals(1, t.deliveries("roomId=" + roomId + "&eventName=record_aborted").size());
  }

  @Test
  void theControlPlaneStartsStopsAndFailsRecordings() {
    long seq = t.lastSeq();
    kit.post("/_mock/rooms/" + roomId + "/recording/start", null, null).expect(409);  // no call
    t.join(roomId, "Ann", "user");
    String id = kit.post("/_mock/rooms/" + roomId + "/recording/start", null, null).expect(201).getString("id");
    t.advanceClock(1);
    JsonObject stopped = kit.post("/_mock/rooms/" + roomId + "/recording/stop", null, null).expect(200);
    assertEquals("aborted", stopped.getString("state"), "the abort window holds on the control plane too");
    assertEquals(id, t.nextDelivery("eventName=record_aborted&roomId=" + roomId, seq).getString("recordId"));

    String failing = kit.post("/_mock/rooms/" + roomId + "/recording/start", null, null).expect(201)
        .getString("id");
    JsonObject failed = kit.post("/_mock/rooms/" + roomId + "/recording/fail", null, null).expect(200);
    assertEquals(failing, failed.getString("id"));
    assertEquals("failed", failed.getString("state"));
    JsonObject failedEvent = t.nextDelivery("eventName=record_failed&roomId=" + roomId, seq);
    assertEquals(failing, failedEvent.getString("recordId"));
    assertEquals("{\"eventName\":\"record_failed\",\"roomId\":\"" + roomId + "\",\"spaceId\":\"" + spaceId
        + "\",\"recordId\":\"" + failing + "\"}", EventsKit.sentBody(failedEvent.getString("requestBody")));
    kit.post("/_mock/rooms/" + roomId + "/recording/fail", null, null).expect(409);
    kit.post("/_mock/rooms/" + roomId + "/recording/stop", null, null).expect(409);
    assertNull(t.roomState(roomId).getJsonObject("activeRecording"));
    kit.post("/_mock/rooms/0123456789abcdef01234567/recording/fail", null, null).expect(404);
  }

  @Test
  void autoRecordingStartsWhenAModeratorJoins() {
    String auto = t.createRoom(spaceId, new JsonObject().put("isAutoRecordingAllowed", true)).getString("id");
    long seq = t.lastSeq();
    t.join(auto, "Pupil", "user");
    assertNull(t.roomState(auto).getJsonObject("activeRecording"), "a plain user does not start it");

    JsonObject teacher = t.join(auto, "Teacher", "moderator");
    JsonObject recording = t.roomState(auto).getJsonObject("activeRecording");
    assertNotNull(recording, "a moderator joining starts auto-recording");
    assertEquals(teacher.getString("callId"), recording.getString("callId"));
    assertEquals(recording.getString("id"),
        t.nextDelivery("eventName=record_started&roomId=" + auto, seq).getString("recordId"));
    t.join(auto, "Second teacher", "moderator");
    assertEquals(recording.getString("id"), t.roomState(auto).getJsonObject("activeRecording").getString("id"));

    // the call ending stops the recording: record_finished, then call_finished
    t.advanceClock(60);
    t.endCall(auto);
    JsonObject finished = t.nextDelivery("eventName=record_finished&roomId=" + auto, seq);
    assertEquals(recording.getString("id"), finished.getString("recordId"));
    t.nextDelivery("eventName=call_finished&roomId=" + auto, seq);
    JsonObject item = kit.get("/v1/spaces/" + spaceId + "/rooms/" + auto + "/records", t.token).expect(200)
        .getJsonArray("items").getJsonObject(0);
    assertEquals("finished", item.getString("state"));

    // the owner joining through the SDK counts as a moderator too
    String owner = kit.post("/v1/spaces/" + spaceId + "/participants", t.token,
        new JsonObject().put("roomId", auto).put("name", "Owner")).expect(201).getString("id");
    kit.post("/v1/spaces/" + spaceId + "/rooms/" + auto + "/join", t.token,
        new JsonObject().put("participantId", owner)).expect(200);
    assertNotNull(t.roomState(auto).getJsonObject("activeRecording"));
  }

  @Test
  void withoutTheFlagAModeratorJoiningRecordsNothing() {
    long seq = t.lastSeq();
    t.join(roomId, "Teacher", "moderator");
    assertNull(t.roomState(roomId).getJsonObject("activeRecording"));
    String noRecordRoom = t.createRoom(spaceId, new JsonObject().put("isAutoRecordingAllowed", true)
        .put("isRecordAllowed", false)).getString("id");
    t.join(noRecordRoom, "Teacher", "moderator");
    assertNull(t.roomState(noRecordRoom).getJsonObject("activeRecording"), "recording not allowed at all");
    kit.post("/v1/spaces/" + spaceId + "/rooms/" + noRecordRoom + "/records/start", t.token, null).expect(403);
    t.assertNoDelivery("eventName=record_started", seq, 1_000);
  }

  @Test
  void aFailedRecordingIsNotRestartedByItself() {
    String auto = t.createRoom(spaceId, new JsonObject().put("isAutoRecordingAllowed", true)).getString("id");
    t.join(auto, "Teacher", "moderator");
    String recordId = t.roomState(auto).getJsonObject("activeRecording").getString("id");
    kit.post("/_mock/rooms/" + auto + "/recording/fail", null, null).expect(200);
    // deliveries of different events run concurrently: the first record_started may be logged after
    // record_failed, so the line "from here on, no record_started" is drawn after both
    long startedSeq = t.nextDelivery("eventName=record_started&roomId=" + auto, 0).getLong("seq");
    long failedSeq = t.nextDelivery("eventName=record_failed&roomId=" + auto, 0).getLong("seq");
    long afterFail = Math.max(startedSeq, failedSeq);

    t.join(auto, "Another teacher", "moderator");
    t.advanceClock(3_600);
    assertNull(t.roomState(auto).getJsonObject("activeRecording"), "no automatic restart");
    JsonObject list = kit.get("/v1/spaces/" + spaceId + "/rooms/" + auto + "/records", t.token).expect(200);
    assertEquals(1, list.getInteger("total"));
    assertEquals(recordId, list.getJsonArray("items").getJsonObject(0).getString("id"));
    assertEquals("failed", list.getJsonArray("items").getJsonObject(0).getString("state"));
    t.assertNoDelivery("eventName=record_started&roomId=" + auto, afterFail, 1_000);
    kit.get("/v1/spaces/" + spaceId + "/rooms/" + auto + "/records/download/" + recordId, t.token).expect(409);

    // a person may still start a new one by hand
    assertEquals("started", kit.post("/v1/spaces/" + spaceId + "/rooms/" + auto + "/records/start", t.token, null)
        .expect(201).getString("state"));
  }

  @Test
  void theDownloadLinkServesARealMp4ForTwentyFourHours() {
    String recordId = finishedRecord();
    long fileSize = kit.get(records, t.token).expect(200).getJsonArray("items").getJsonObject(0).getLong("fileSize");

    Resp link = kit.get(records + "/download/" + recordId, t.token);
    assertEquals(200, link.status());
    String url = link.text().trim();
    assertTrue(url.startsWith(kit.baseUrl() + "/"), url);
    assertTrue(URI.create(url).getPath().endsWith(".mp4"), url);

    Resp file = kit.get(url, null);
    assertEquals(200, file.status());
    assertEquals("video/mp4", file.header("Content-Type"));
    byte[] mp4 = file.bytes();
    assertEquals(fileSize, mp4.length, "fileSize is the size of the file served");
    assertArrayEquals("ftyp".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(mp4, 4, 8),
        "an ISO media file starts with an ftyp box");
    long boxSize = ((mp4[0] & 0xffL) << 24) | ((mp4[1] & 0xff) << 16) | ((mp4[2] & 0xff) << 8) | (mp4[3] & 0xff);
    assertTrue(boxSize >= 16 && boxSize < mp4.length, "ftyp box size " + boxSize);

    // forged: another signature, another expiry, another record, no signature
    String signature = url.substring(url.indexOf("signature=") + "signature=".length());
    String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
    assertEquals(403, kit.get(url.replace(signature, flipped), null).status());
    long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
    assertEquals(403, kit.get(url.replace("expires=" + expires, "expires=" + (expires + 86_400)), null).status(),
        "extending the expiry breaks the signature");
    assertEquals(403, kit.get(url.replace(recordId, "0123456789abcdef01234567"), null).status());
    assertEquals(403, kit.get(url.substring(0, url.indexOf("&signature=")), null).status());

    t.advanceClock(23 * 3600 + 3500);
    assertEquals(200, kit.get(url, null).status(), "still valid just under 24 h later");
    t.advanceClock(100);
    Resp expired = kit.get(url, null);
    assertEquals(410, expired.status(), "expired after 24 h: " + expired.text());

    String fresh = kit.get(records + "/download/" + recordId, t.token).expect200Text();
    assertEquals(200, kit.get(fresh, null).status(), "a new link works again");
  }

  @Test
  void theServerClockMovesEveryTenantsClock() {
    try (MockServer own = EventsKit.startMock()) {
      EventsKit ownKit = new EventsKit(own);
      Tenant a = ownKit.newTenant();
      String space = a.createSpace();
      String room = a.createRoomId(space);
      String base = "/v1/spaces/" + space + "/rooms/" + room + "/records";
      JsonObject p = a.join(room, "Ann", "user");
      String id = ownKit.post(base + "/start", a.token, null).expect(201).getString("id");
      JsonObject moved = ownKit.post("/_mock/clock", null, new JsonObject().put("advanceSeconds", 2.5)).expect(200);
      assertNotNull(moved.getString("now"));
      JsonObject aborted = ownKit.post(base + "/stop", a.token, null).expect(200);
      assertEquals(id, aborted.getString("id"));
      assertEquals("aborted", aborted.getString("state"), "2.5 s by the server clock is inside the abort window");
      ownKit.post(base + "/start", a.token, null).expect(201);
      ownKit.post("/_mock/clock", null, new JsonObject().put("advanceSeconds", 4)).expect(200);
      String finished = ownKit.post(base + "/stop", a.token, null).expect(200).getString("id");
      assertEquals("finished", byIdIn(ownKit, a, base, finished).getString("state"));
      a.leave(p.getString("id"));

      String url = ownKit.get(base + "/download/" + finished, a.token).expect200Text();
      assertEquals(200, ownKit.get(url, null).status());
      Instant before = a.now();
      ownKit.post("/_mock/clock", null, new JsonObject().put("advanceSeconds", 86_400)).expect(200);
      assertTrue(Duration.between(before, a.now()).getSeconds() >= 86_400, "the tenant's clock followed");
      assertEquals(410, ownKit.get(url, null).status());
      ownKit.post("/_mock/clock", null, new JsonObject().put("advanceSeconds", -1)).expect(400);
    }
  }

  private static JsonObject byIdIn(EventsKit k, Tenant tenant, String base, String recordId) {
    return k.get(base, tenant.token).expect(200).getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(r -> r.getString("id").equals(recordId)).findFirst().orElseThrow();
  }

  @Test
  void onlyAdministratorsGetRecordings() {
    String recordId = finishedRecord();
    Member user = t.spaceMember(spaceId, "role_space_user", "Pupil");
    kit.get(records, user.token()).expect(403);
    kit.get(records + "/download/" + recordId, user.token()).expect(403);
    kit.post(records + "/start", user.token(), null).expect(403);
    kit.delete(records + "/" + recordId, user.token()).expect(403);
    kit.get(records, t.clientToken()).expect(403);

    Member moderator = t.spaceMember(spaceId, "role_space_moderator", "Deputy");
    assertEquals(1, kit.get(records, moderator.token()).expect(200).getInteger("total"));
    assertEquals(200, kit.get(records + "/download/" + recordId, moderator.token()).status());
  }

  @Test
  void deletingARecord() {
    t.join(roomId, "Ann", "user");
    String active = kit.post(records + "/start", t.token, null).expect(201).getString("id");
    kit.delete(records + "/" + active, t.token).expect(409);
    t.advanceClock(5);
    kit.post(records + "/stop", t.token, null).expect(200);
    kit.delete(records + "/" + active, t.token).expect(200);
    assertEquals(0, kit.get(records, t.token).expect(200).getInteger("total"));
    kit.delete(records + "/" + active, t.token).expect(404);
    kit.get(records + "/download/" + active, t.token).expect(404);
  }

  @Test
  void theRecordsListFiltersByDateFromAndDateTo() {
    LocalDate day1 = t.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(2);
    t.setClock(day1.atTime(10, 0).toInstant(ZoneOffset.UTC));
    String first = finishedRecord();
    t.setClock(day1.plusDays(2).atTime(23, 59, 0).toInstant(ZoneOffset.UTC));
    String second = finishedRecord();
    Instant secondCreated = Instant.parse(byId(second).getString("createdAt"));

    assertEquals(List.of(first, second), ids(""));
    assertEquals(List.of(first), ids("dateFrom=" + day1 + "&dateTo=" + day1));
    assertEquals(List.of(first), ids("dateTo=" + day1.plusDays(1)));
    assertEquals(List.of(second), ids("dateFrom=" + day1.plusDays(1)));
    assertEquals(List.of(second), ids("dateFrom=" + day1.plusDays(2) + "&dateTo=" + day1.plusDays(2)),
        "dateTo is inclusive of its whole day");
    assertEquals(List.of(), ids("dateFrom=" + day1.plusDays(1) + "&dateTo=" + day1.plusDays(1)));
    assertEquals(List.of(second), ids("dateFrom=" + secondCreated), "an instant bound is inclusive");
    assertEquals(List.of(first), ids("dateTo=" + secondCreated.minusMillis(1)));
    kit.get(records + "?dateFrom=yesterday", t.token).expect(400);
  }

  /** A record of a call in the room, started, then stopped 10 s later by the tenant's clock. */
  private String finishedRecord() {
    JsonObject p = t.join(roomId, "Recorder", "moderator");
    String id = kit.post(records + "/start", t.token, null).expect(201).getString("id");
    t.advanceClock(10);
    kit.post(records + "/stop", t.token, null).expect(200);
    t.leave(p.getString("id"));
    return id;
  }

  private JsonObject byId(String recordId) {
    return byIdIn(kit, t, records, recordId);
  }

  private List<String> ids(String query) {
    return kit.get(records + "?" + query, t.token).expect(200).getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
