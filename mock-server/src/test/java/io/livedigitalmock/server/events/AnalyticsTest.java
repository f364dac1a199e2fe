package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.events.EventsKit.Member;
import io.livedigitalmock.server.events.EventsKit.Resp;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * Point 4 (with the clock of point 5): analyticsCalls by room, date and minimum participants; the
 * call report in JSON and as a real XLSX workbook, one row per participant with the
 * storeExternalUserMeta data; moderators and owners only; the "pro" plan only.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AnalyticsTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;
  private String spaceId;
  private String roomId;
  private String analytics;
  private LocalDate day;


  @BeforeEach
  void tenantOnAFixedDay() {
    t = kit.newTenant();
    spaceId = t.createSpace();
    roomId = t.createRoomId(spaceId);
    analytics = "/v1/spaces/" + spaceId + "/analytics";
    day = t.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(2);
    t.setClock(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
  }

  @Test
  void callsOfADateFilteredByRoomAndMinimumParticipants() {
    String call1 = t.join(roomId, "Solo", "user").getString("callId");
    t.advanceClock(60);
    t.endCall(roomId);

    JsonObject b = t.join(roomId, new JsonObject().put("name", "B").put("externalUserId", "ext-b"));
    String call2 = b.getString("callId");
    t.join(roomId, "C", "user");
    t.join(roomId, "D", "moderator");
    t.leave(b.getString("id"));
    t.join(roomId, new JsonObject().put("name", "B again").put("externalUserId", "ext-b"));  // same person
    t.advanceClock(120);
    t.endCall(roomId);

    String call3 = t.join(roomId, "Late", "user").getString("callId");  // still going
    String otherRoom = t.createRoomId(spaceId);
    t.leave(t.join(otherRoom, "Elsewhere", "user").getString("id"));

    assertEquals(List.of(call1, call2), callIds(day.toString(), null), "finished calls only, of this room");
    JsonObject item = calls(day.toString(), null).getJsonObject(1);
    assertEquals(call2, item.getString("id"));
    assertFalse(item.getBoolean("active"));
    assertEquals(roomId, item.getString("roomId"));
    assertEquals(3, item.getInteger("participantsCount"), "most at once");
    assertEquals(4, item.getInteger("totalParticipantsCount"), "joins");
    assertEquals(3, item.getInteger("uniqueParticipantsCount"), "people");
    assertEquals(false, item.getBoolean("isBreakoutRoom"));
    assertEquals("pro", item.getString("planAlias"));
    assertEquals("lesson", item.getString("roomType"));
    assertEquals(Duration.ofSeconds(120).toMillis(), Duration.between(Instant.parse(item.getString("startedAt")),
        Instant.parse(item.getString("finishedAt"))).toMillis(), 1_000);
    assertEquals(List.of("id", "active", "roomId", "participantsCount", "isBreakoutRoom", "planAlias", "roomType",
        "totalParticipantsCount", "uniqueParticipantsCount", "startedAt", "finishedAt"),
        List.copyOf(item.fieldNames()));

    assertEquals(List.of(call2), callIds(day.toString(), 2));
    assertEquals(List.of(call2), callIds(day.toString(), 4));
    assertEquals(List.of(), callIds(day.toString(), 5));
    assertEquals(List.of(call1, call2), callIds(day.toString(), 0));

    // a call belongs to the day it started; the next day has its own
    t.setClock(day.plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC));
    t.endCall(roomId);
    String call4 = t.join(roomId, "Tomorrow", "user").getString("callId");
    t.advanceClock(30);
    t.endCall(roomId);
    assertEquals(List.of(call1, call2, call3), callIds(day.toString(), null));
    assertEquals(List.of(call4), callIds(day.plusDays(1).toString(), null));
    assertEquals(List.of(), callIds(day.minusDays(1).toString(), null));
    assertEquals(List.of(call4), callIds(day.plusDays(1).atTime(23, 0).toInstant(ZoneOffset.UTC).toString(), null),
        "an instant stands for its UTC day");

    kit.get(analytics + "/calls?date=" + day, t.token).expect(400);
    kit.get(analytics + "/calls?roomId=" + roomId, t.token).expect(400);
    kit.get(analytics + "/calls?roomId=" + roomId + "&date=soon", t.token).expect(400);
    kit.get(analytics + "/calls?roomId=" + roomId + "&date=" + day + "&minParticipantsCount=-1", t.token).expect(400);
  }

  @Test
  void theJsonReportHasOneRowPerParticipantWithTheirMeta() {
    storeMeta("ext-ann", "meet-1", new JsonObject().put("grade", "5A").put("score", 97).put("vip", true));
    String callId = twoPersonCall();

    JsonObject report = kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", callId,
        "format", "json"), t.token).expect(200);
    assertEquals(callId, report.getString("callId"));
    assertEquals(roomId, report.getString("roomId"));
    assertEquals(spaceId, report.getString("spaceId"));
    assertEquals(210, report.getLong("durationSeconds"), 1);
    JsonArray rows = report.getJsonArray("participants");
    assertEquals(2, rows.size());

    JsonObject ann = rows.getJsonObject(0);
    assertEquals("Анна Иванова", ann.getString("name"));
    assertEquals("ann@example.com", ann.getString("email"));
    assertEquals("+7 900 000-00-01", ann.getString("phone"));
    assertEquals("ext-ann", ann.getString("externalUserId"));
    assertEquals("meet-1", ann.getString("externalMeetingId"));
    assertEquals("moderator", ann.getString("role"));
    assertEquals(210, ann.getLong("timeInCallSeconds"), 1);
    assertEquals(new JsonObject().put("grade", "5A").put("score", 97).put("vip", true), ann.getJsonObject("meta"));
    assertEquals(ann.getLong("timeInCallSeconds"), Duration.between(Instant.parse(ann.getString("joinedAt")),
        Instant.parse(ann.getString("leftAt"))).toSeconds());

    JsonObject bob = rows.getJsonObject(1);
    assertEquals("Bob", bob.getString("name"));
    assertEquals("user", bob.getString("role"));
    assertEquals(null, bob.getString("externalUserId"));
    assertEquals(120, bob.getLong("timeInCallSeconds"), 1);
    assertEquals(new JsonObject(), bob.getJsonObject("meta"));
    assertTrue(Instant.parse(bob.getString("joinedAt")).isAfter(Instant.parse(ann.getString("joinedAt"))));

    JsonObject byDefault = kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", callId),
        t.token).expect(200);
    assertEquals(report, byDefault, "json is the default format");
    assertEquals(report, kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", callId,
        "format", "csv"), t.token).expect(200), "a format the mock does not make gets JSON (ledger E3)");
    kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", "0123456789abcdef01234567"),
        t.token).expect(404);
    String running = t.join(roomId, "Now", "user").getString("callId");
    kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", running), t.token).expect(409);
  }

  @Test
  void theXlsxReportReadsBackAsAWorkbook() throws Exception {
    storeMeta("ext-ann", "meet-1", new JsonObject().put("grade", "5A").put("score", 97).put("vip", true));
    String callId = twoPersonCall();
    JsonArray json = kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", callId),
        t.token).expect(200).getJsonArray("participants");

    Resp xlsx = kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", callId,
        "format", "xlsx"), t.token);
    assertEquals(200, xlsx.status(), xlsx::text);
    assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.header("Content-Type"));
    assertTrue(ReadableWorkbook.isOOXMLZipHeader(xlsx.bytes()), "a zip container");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertEquals(3, rows.size(), "a header and one row per participant");
      assertEquals(List.of("Name", "Email", "Phone", "External user id", "External meeting id", "Role", "Joined at",
          "Left at", "Time in call (s)", "meta.grade", "meta.score", "meta.vip"), texts(rows.get(0)));

      Row ann = rows.get(1);
      JsonObject annJson = json.getJsonObject(0);
      assertEquals(List.of("Анна Иванова", "ann@example.com", "+7 900 000-00-01", "ext-ann", "meet-1", "moderator",
          annJson.getString("joinedAt"), annJson.getString("leftAt")), texts(ann).subList(0, 8));
      assertEquals(BigDecimal.valueOf(annJson.getLong("timeInCallSeconds")), ann.getCellAsNumber(8).orElseThrow());
      assertEquals("5A", ann.getCellAsString(9).orElseThrow());
      assertEquals(new BigDecimal("97"), ann.getCellAsNumber(10).orElseThrow());
      assertEquals(true, ann.getCellAsBoolean(11).orElseThrow());

      Row bob = rows.get(2);
      assertEquals("Bob", bob.getCellText(0));
      assertEquals("user", bob.getCellText(5));
      assertEquals(BigDecimal.valueOf(json.getJsonObject(1).getLong("timeInCallSeconds")),
          bob.getCellAsNumber(8).orElseThrow());
      for (int c = 9; c < 12; c++) {
        assertTrue(bob.getCellText(c).isEmpty(), "no meta for Bob in column " + c);
      }
    }
  }

  @Test
  void metaIsKeyedByExternalUserAndMeetingAndReplacedByALaterStore() {
    storeMeta("ext-1", null, new JsonObject().put("any", "meeting"));
    storeMeta("ext-2", "m-2", new JsonObject().put("first", 1));
    storeMeta("ext-2", "m-2", new JsonObject().put("second", 2));
    storeMeta("ext-3", "m-other", new JsonObject().put("wrong", "meeting"));
    t.join(roomId, new JsonObject().put("name", "One").put("externalUserId", "ext-1").put("externalMeetingId", "m-9"));
    t.join(roomId, new JsonObject().put("name", "Two").put("externalUserId", "ext-2").put("externalMeetingId", "m-2"));
    t.join(roomId, new JsonObject().put("name", "Three").put("externalUserId", "ext-3").put("externalMeetingId", "m-3"));
    String callId = t.join(roomId, "Four", "user").getString("callId");
    t.advanceClock(10);
    t.endCall(roomId);
    JsonArray rows = kit.get(analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", callId),
        t.token).expect(200).getJsonArray("participants");
    assertEquals(new JsonObject().put("any", "meeting"), rows.getJsonObject(0).getJsonObject("meta"),
        "meta stored without a meeting applies to every meeting");
    assertEquals(new JsonObject().put("second", 2), rows.getJsonObject(1).getJsonObject("meta"), "replaced");
    assertEquals(new JsonObject(), rows.getJsonObject(2).getJsonObject("meta"), "another meeting's meta");
    assertEquals(new JsonObject(), rows.getJsonObject(3).getJsonObject("meta"));

    kit.post(analytics + "/external-user-meta", t.token, new JsonObject().put("externalUserId", "x")).expect(400);
    kit.post(analytics + "/external-user-meta", t.token, new JsonObject().put("meta", new JsonObject())).expect(400);
    kit.post(analytics + "/external-user-meta", t.token, new JsonObject().put("externalUserId", "x")
        .put("meta", new JsonObject().put("nested", new JsonObject()))).expect(400);
  }

  @Test
  void onlyModeratorsAndOwnersOnAPlanWithStatistics() {
    String callId = twoPersonCall();
    String calls = analytics + "/calls?" + EventsKit.query("roomId", roomId, "date", day.toString());
    String report = analytics + "/report?" + EventsKit.query("roomId", roomId, "callId", callId);
    String xlsx = report + "&format=xlsx";
    JsonObject meta = new JsonObject().put("externalUserId", "e").put("meta", new JsonObject().put("k", "v"));

    Member spaceModerator = t.spaceMember(spaceId, "role_space_moderator", "Deputy");
    Member roomModerator = t.spaceMember(spaceId, "role_space_user", "Teacher");
    t.grantRoomRole(spaceId, roomId, roomModerator.userId(), "role_room_moderator");
    Member pupil = t.spaceMember(spaceId, "role_space_user", "Pupil");
    t.grantRoomRole(spaceId, roomId, pupil.userId(), "role_room_user");

    for (String token : List.of(t.token, spaceModerator.token(), roomModerator.token())) {
      assertEquals(1, kit.get(calls, token).expect(200).getJsonArray("items").size());
      kit.get(report, token).expect(200);
      assertEquals(200, kit.get(xlsx, token).status());
    }
    for (String token : List.of(pupil.token(), t.clientToken())) {
      kit.get(calls, token).expect(403);
      kit.get(report, token).expect(403);
      kit.get(xlsx, token).expect(403);
      kit.post(analytics + "/external-user-meta", token, meta).expect(403);
    }
    kit.post(analytics + "/external-user-meta", t.token, meta).expect(201);
    kit.post(analytics + "/external-user-meta", spaceModerator.token(), meta).expect(201);
    kit.get(calls, null).expect(401);

    for (String plan : List.of("basic", "free")) {
      t.setPlan(spaceId, plan);
      Resp refused = kit.get(calls, t.token);
      assertEquals(403, refused.status(), plan);
      assertTrue(refused.json().getString("message").contains(plan), refused.text());
      kit.get(report, t.token).expect(403);
      kit.get(xlsx, t.token).expect(403);
    }
    t.setPlan(spaceId, "pro");
    kit.get(report, t.token).expect(200);
  }

  /** Ann (moderator, with ids) 210 s, Bob (user) 120 s of it, by the tenant's clock; answers the call id. */
  private String twoPersonCall() {
    JsonObject ann = t.join(roomId, new JsonObject().put("name", "Анна Иванова").put("role", "moderator")
        .put("email", "ann@example.com").put("phone", "+7 900 000-00-01").put("externalUserId", "ext-ann")
        .put("externalMeetingId", "meet-1"));
    t.advanceClock(60);
    JsonObject bob = t.join(roomId, "Bob", "user");
    t.advanceClock(120);
    t.leave(bob.getString("id"));
    t.advanceClock(30);
    t.leave(ann.getString("id"));
    return ann.getString("callId");
  }

  private void storeMeta(String externalUserId, String externalMeetingId, JsonObject meta) {
    JsonObject stored = kit.post(analytics + "/external-user-meta", t.token, new JsonObject()
        .put("externalUserId", externalUserId).put("externalMeetingId", externalMeetingId).put("meta", meta))
        .expect(201);
    assertEquals(meta, stored.getJsonObject("meta"));
  }

  private JsonArray calls(String date, Integer minParticipants) {
    return kit.get(analytics + "/calls?" + EventsKit.query("roomId", roomId, "date", date, "minParticipantsCount",
        minParticipants == null ? null : minParticipants.toString()), t.token).expect(200).getJsonArray("items");
  }

  private List<String> callIds(String date, Integer minParticipants) {
    return calls(date, minParticipants).stream().map(c -> ((JsonObject) c).getString("id")).toList();
  }

  private static List<String> texts(Row row) {
    return row.stream().map(c -> c == null ? "" : c.getText()).toList();
  }
}
