package io.livedigitalmock.server.state;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A state exported from one mock and imported into another (its own seed and key) is the same state:
 * exported again it is the same file, and everything issued before works: tokens (access, refresh,
 * personal, a link's), links (used up ones stay used), download links, reports, clocks; and the next
 * id each makes is the one the first would have made.
 */
class StateRoundTripTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSnapshotRestoresEverythingAndWhatWasIssuedKeepsWorking() throws Exception {
    try (MockServer first = MockServer.start(MockConfig.defaults().withPort(0).withSeed(7));
         MockServer second = MockServer.start(MockConfig.defaults().withPort(0).withSeed(8))) {
      World world = World.build(first.baseUrl());

      String exported = given().get(first.baseUrl() + "/_mock/state").then().statusCode(200)
          .contentType(ContentType.JSON).extract().asString();
      JsonNode saved = JSON.readTree(exported);
      assertEquals("livedigital-mock-state", saved.path("format").asText());
      assertEquals(1, saved.path("version").asInt());
      assertTrue(exported.contains("\n  \"tenants\""), "indented, readable JSON");

      given().contentType(ContentType.JSON).body(exported).put(second.baseUrl() + "/_mock/state").then()
          .statusCode(200).body("restored", org.hamcrest.Matchers.equalTo(true))
          .body("tenants", org.hamcrest.Matchers.equalTo(saved.path("tenants").size()));
      JsonNode again = JSON.readTree(given().get(second.baseUrl() + "/_mock/state").then().statusCode(200)
          .extract().asString());
      assertEquals(withoutSavedAt(saved), withoutSavedAt(again), "the same state, field for field");

      // the next id each mock makes for the same request is the same: id sources went on where they stood
      String nextOnFirst = world.tenant.as(world.owner.accessToken()).body(Map.of("name", "next"))
          .post(first.baseUrl() + "/v1/spaces").then().statusCode(201).extract().path("id");
      String nextOnSecond = world.tenant.as(world.owner.accessToken()).body(Map.of("name", "next"))
          .post(second.baseUrl() + "/v1/spaces").then().statusCode(201).extract().path("id");
      assertEquals(nextOnFirst, nextOnSecond);

      world.stillWorksOn(second.baseUrl());
    }
  }

  @Test
  void aRestoreIsAllOrNothing() throws Exception {
    try (MockServer mock = MockServer.start(MockConfig.defaults().withPort(0).withSeed(9))) {
      World world = World.build(mock.baseUrl());
      String before = given().get(mock.baseUrl() + "/_mock/state").then().statusCode(200).extract().asString();
      ObjectNode broken = (ObjectNode) JSON.readTree(before);
      // a room of the last tenant pointing at a space it does not have: found before anything changes
      ObjectNode room = (ObjectNode) broken.withArray("tenants").get(broken.withArray("tenants").size() - 1)
          .withArray("rooms").get(0);
      room.put("spaceId", "ffffffffffffffffffffffff");
      String message = given().contentType(ContentType.JSON).body(broken.toString())
          .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
      assertTrue(message.matches(".*tenants\\[\\d+]\\.rooms\\[0]\\.spaceId: no space ffffffffffffffffffffffff in this tenant.*"),
          message);

      broken = (ObjectNode) JSON.readTree(before);
      broken.put("version", 2);
      message = given().contentType(ContentType.JSON).body(broken.toString())
          .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
      assertTrue(message.contains("version 2") && message.contains("reads version 1"), message);

      broken = (ObjectNode) JSON.readTree(before);
      ((ObjectNode) broken.withArray("tenants").get(0)).put("colour", "blue");
      message = given().contentType(ContentType.JSON).body(broken.toString())
          .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
      assertTrue(message.contains("tenants[0].colour: not a field of this format"), message);

      broken = (ObjectNode) JSON.readTree(before);
      ((ObjectNode) broken.withArray("tenants").get(0)).remove("users");
      message = given().contentType(ContentType.JSON).body(broken.toString())
          .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
      assertTrue(message.contains("tenants[0].users: missing"), message);

      // what would take the mock ages to resume, or run its clock past the year 9999, is refused at once
      broken = (ObjectNode) JSON.readTree(before);
      ((ObjectNode) broken.withArray("tenants").get(0).get("dataIds")).put("draws", Long.MAX_VALUE);
      ((ObjectNode) broken.get("server")).put("clockOffsetMillis", Long.MAX_VALUE);
      message = given().contentType(ContentType.JSON).body(broken.toString())
          .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
      assertTrue(message.contains("tenants[0].dataIds.draws: must be between 0 and")
          && message.contains("server.clockOffsetMillis: must be between 0 and"), message);

      // what the mock's own code takes for granted (every link, participant, call and record the API
      // makes has these): missing, each would be a 500 later, when something used it
      for (String field : List.of("users[0].signature", "links[0].alias", "links[0].spaceId", "links[0].guestId", "links[0].url",
          "participants[0].spaceId", "calls[0].spaceId", "records[0].spaceId", "records[0].callId")) {
        broken = (ObjectNode) JSON.readTree(before);
        ArrayNode tenants = broken.withArray("tenants");
        String list = field.substring(0, field.indexOf('['));
        ((ObjectNode) tenants.get(tenants.size() - 1).withArray(list).get(0))
            .putNull(field.substring(field.indexOf('.') + 1));
        message = given().contentType(ContentType.JSON).body(broken.toString())
            .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
        assertTrue(message.contains("tenants[" + (tenants.size() - 1) + "]." + field + ": missing"), message);
      }

      // an empty key signs nothing: refused before the tenants are replaced, not a 500 with them replaced
      broken = (ObjectNode) JSON.readTree(before);
      broken.put("jwtSecret", "");
      message = given().contentType(ContentType.JSON).body(broken.toString())
          .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
      assertTrue(message.contains("jwtSecret: must not be empty"), message);

      message = given().contentType(ContentType.JSON).body(before.substring(0, before.length() / 2))
          .put(mock.baseUrl() + "/_mock/state").then().statusCode(400).extract().path("message");
      assertTrue(message.contains("ends early"), message);

      assertEquals(withoutSavedAt(JSON.readTree(before)), withoutSavedAt(JSON.readTree(
          given().get(mock.baseUrl() + "/_mock/state").then().statusCode(200).extract().asString())),
          "nothing changed");
      world.stillWorksOn(mock.baseUrl());
    }
  }

  private static JsonNode withoutSavedAt(JsonNode state) {
    ObjectNode copy = state.deepCopy();
    copy.remove("savedAt");
    return copy;
  }

  /** A tenant with one of everything a state holds, and what was issued to reach it. */
  private record World(TestTenant tenant, TestUser owner, TestUser guest, TestRoom room, String usedLink,
                       String freshLink, String personalToken, String revokedToken, String downloadLink,
                       String callId, String report, String tenantNow, String liveRoomId) {

    static World build(String baseUrl) {
      TestTenant tenant = TestTenant.create(baseUrl);
      TestUser owner = tenant.owner();
      TestUser guest = tenant.newUser("guest");
      String spaceId = tenant.createSpace(owner.accessToken(), false);
      tenant.join(owner.accessToken(), spaceId, guest, "role_space_moderator");
      TestRoom room = tenant.createRoom(owner.accessToken(), spaceId, false);
      tenant.as(owner.accessToken()).body(Map.of("redirectUrl", "https://school.example/after", "isChatAllowed", false))
          .put("/v1/spaces/{s}/rooms/{r}", spaceId, room.id()).then().statusCode(200);
      tenant.grantRole(owner.accessToken(), room, guest.id(), "role_room_moderator").then().statusCode(200);
      tenant.as(owner.accessToken()).body(Map.of("url", "http://127.0.0.1:9/hooks"))
          .post("/v1/spaces/{s}/webhook", spaceId).then().statusCode(201);
      tenant.as(owner.accessToken()).body(Map.of("externalUserId", "lms-1", "externalMeetingId", "m-1",
              "meta", Map.of("grade", 9, "class", "9A", "paid", true)))
          .post("/v1/spaces/{s}/analytics/external-user-meta", spaceId).then().statusCode(201);
      String usedLink = link(tenant, owner, room, "lms-1");
      String freshLink = link(tenant, owner, room, "lms-2");
      String participant = given().accept(ContentType.JSON).get(usedLink).then().statusCode(200)
          .extract().path("participantId");
      tenant.anonymous().post("/_mock/rooms/{r}/recording/start", room.id()).then().statusCode(201);
      tenant.advanceClock(3600);
      String recordId = tenant.anonymous().post("/_mock/rooms/{r}/recording/stop", room.id()).then().statusCode(200)
          .extract().path("id");
      String callId = tenant.anonymous().post("/_mock/participants/{p}/leave", participant).then().statusCode(200)
          .extract().path("callId");
      String downloadLink = tenant.as(owner.accessToken())
          .get("/v1/spaces/{s}/rooms/{r}/records/download/{id}", spaceId, room.id(), recordId).then().statusCode(200)
          .extract().asString();
      // a call still going on, in a second room
      TestRoom live = tenant.createRoom(owner.accessToken(), spaceId, true);
      tenant.anonymous().body(Map.of("name", "Still here", "role", "host"))
          .post("/_mock/rooms/{r}/participants", live.id()).then().statusCode(201);
      String personal = tenant.control().body(Map.of()).post("/personal-tokens").then().statusCode(201)
          .extract().path("token");
      var minted = tenant.control().body(Map.of()).post("/personal-tokens").then().statusCode(201).extract().jsonPath();
      String revoked = minted.getString("token");
      tenant.control().delete("/personal-tokens/{id}", minted.getString("id")).then().statusCode(200);
      given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("advanceSeconds", 60))
          .post("/_mock/clock").then().statusCode(200);
      String report = tenant.as(owner.accessToken())
          .get("/v1/spaces/{s}/analytics/report?roomId={r}&callId={c}", spaceId, room.id(), callId).then()
          .statusCode(200).extract().asString();
      return new World(tenant, owner, guest, room, usedLink, freshLink, personal, revoked, downloadLink, callId,
          report, tenant.now().toString(), live.id());
    }

    private static String link(TestTenant tenant, TestUser owner, TestRoom room, String externalUserId) {
      return tenant.generateAccess(owner.accessToken(), room, Map.of("username", "Pupil " + externalUserId,
          "role", "user", "externalUserId", externalUserId)).then().statusCode(200).extract().path("url");
    }

    /** What was issued on the first mock, used on {@code baseUrl} (the links name the first's address). */
    void stillWorksOn(String baseUrl) {
      String me = given().baseUri(baseUrl).auth().oauth2(owner.accessToken()).get("/v1/users/me").then()
          .statusCode(200).extract().path("id");
      assertEquals(owner.id(), me);
      given().baseUri(baseUrl).auth().oauth2(guest.accessToken()).get("/v1/spaces/{s}/rooms/{r}", room.spaceId(),
          room.id()).then().statusCode(200).body("redirectUrl", org.hamcrest.Matchers.equalTo("https://school.example/after"))
          .body("isChatAllowed", org.hamcrest.Matchers.equalTo(false));
      given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("client_id", tenant.clientId(),
              "client_secret", tenant.clientSecret(), "grant_type", "refresh_token", "refresh_token", owner.refreshToken()))
          .post("/v1/auth/token").then().statusCode(200);
      given().baseUri(baseUrl).auth().oauth2(personalToken).get("/v1/users/me").then().statusCode(200);
      given().baseUri(baseUrl).auth().oauth2(revokedToken).get("/v1/users/me").then().statusCode(401);
      given().accept(ContentType.JSON).get(on(baseUrl, usedLink)).then().statusCode(410);
      given().accept(ContentType.JSON).get(on(baseUrl, freshLink)).then().statusCode(200);
      given().get(on(baseUrl, downloadLink)).then().statusCode(200).contentType("video/mp4");
      String reportThere = given().baseUri(baseUrl).auth().oauth2(owner.accessToken())
          .get("/v1/spaces/{s}/analytics/report?roomId={r}&callId={c}", room.spaceId(), room.id(), callId).then()
          .statusCode(200).extract().asString();
      assertEquals(report, reportThere);
      String now = given().baseUri(baseUrl).get("/_mock/tenants/{c}/clock", tenant.clientId()).then().statusCode(200)
          .extract().path("now");
      assertTrue(java.time.Instant.parse(now).compareTo(java.time.Instant.parse(tenantNow)) >= 0,
          "the tenant's clock kept its hour and a minute ahead: " + now + " vs " + tenantNow);
      List<String> inRoom = given().baseUri(baseUrl).get("/_mock/rooms/{r}", liveRoomId).then().statusCode(200)
          .extract().path("participants.name");
      assertEquals(List.of("Still here"), inRoom, "the call going on goes on");

      // who is in is known after a restore: the call ends when the last one leaves, not before
      String stillHere = given().baseUri(baseUrl).get("/_mock/rooms/{r}", liveRoomId).then().extract()
          .path("participants[0].id");
      String newcomer = given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("name", "Newcomer"))
          .post("/_mock/rooms/{r}/participants", liveRoomId).then().statusCode(201).extract().path("id");
      given().baseUri(baseUrl).post("/_mock/participants/{p}/leave", stillHere).then().statusCode(200);
      given().baseUri(baseUrl).get("/_mock/rooms/{r}", liveRoomId).then().statusCode(200)
          .body("activeCall.participantIds", org.hamcrest.Matchers.equalTo(List.of(stillHere, newcomer)));
      given().baseUri(baseUrl).post("/_mock/participants/{p}/leave", newcomer).then().statusCode(200);
      given().baseUri(baseUrl).get("/_mock/rooms/{r}", liveRoomId).then().statusCode(200)
          .body("activeCall", org.hamcrest.Matchers.nullValue())
          .body("calls[-1].active", org.hamcrest.Matchers.equalTo(false));
    }

    private static String on(String baseUrl, String link) {
      return baseUrl + link.substring(link.indexOf("/", "http://".length()));
    }
  }
}
