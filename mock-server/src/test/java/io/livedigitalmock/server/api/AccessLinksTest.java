package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.Jwt;
import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.Race;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** generateAccess [guide, docs] and opening the links it makes on the mock's own room page. */
@ExtendWith(MockServerExtension.class)
class AccessLinksTest {

  private static final Pattern URL =
      Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/room/([A-Za-z0-9]{10})\\?participantName=([^&]+)&accessToken=([^&]+)$");

  @Test
  void theUrlCarriesTheAliasTheParticipantNameAndAnAccessToken(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);

    String url = t.generateAccess(owner, room, Map.of("username", "John Smith", "role", "user"))
        .then().statusCode(200).extract().path("url");

    Matcher m = URL.matcher(url);
    assertTrue(m.matches(), url);
    assertEquals(room.alias(), m.group(1));
    assertEquals("John Smith", URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
    assertEquals(86_400L, lifetime(m.group(3)), "default ttl");
    open(url).then().statusCode(200).body("participantName", equalTo("John Smith"))
        .body("role", equalTo("user")).body("room.alias", equalTo(room.alias())).body("room.id", equalTo(room.id()));
  }

  @Test
  void theGuidesFullRequestIsStoredAndReadableOnTheControlPlane(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);

    String url = t.generateAccess(owner, room, Map.of("username", "JohnSmith", "role", "moderator",
            "externalUserId", "ext-1", "externalMeetingId", "meet-1", "ttl", 3600, "isPermanent", true,
            "email", "user@some.mail", "phone", "+93456580"))
        .then().statusCode(200).extract().path("url");

    JsonPath links = t.control().get("/links").then().statusCode(200).body("total", equalTo(1)).extract().jsonPath();
    assertEquals(url, links.getString("items[0].url"));
    assertEquals("JohnSmith", links.getString("items[0].username"));
    assertEquals("moderator", links.getString("items[0].role"));
    assertEquals("ext-1", links.getString("items[0].externalUserId"));
    assertEquals("meet-1", links.getString("items[0].externalMeetingId"));
    assertEquals("user@some.mail", links.getString("items[0].email"));
    assertEquals("+93456580", links.getString("items[0].phone"));
    assertEquals(3600, links.getInt("items[0].ttl"));
    assertEquals(true, links.getBoolean("items[0].isPermanent"));
    assertEquals(room.id(), links.getString("items[0].roomId"));
    assertEquals(Duration.ofSeconds(3600), Duration.between(Instant.parse(links.getString("items[0].createdAt")),
        Instant.parse(links.getString("items[0].expiresAt"))));
    open(url).then().statusCode(200).body("externalUserId", equalTo("ext-1"));
  }

  @Test
  void ttlMayBeTheDocumentedMaximum(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);

    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "user", "ttl", 432_000))
        .then().statusCode(200).extract().path("url");

    Matcher m = URL.matcher(url);
    assertTrue(m.matches(), url);
    assertEquals(432_000L, lifetime(m.group(3)));
  }

  @ParameterizedTest(name = "ttl {0}")
  @ValueSource(strings = {"0", "-1", "432001", "1.5", "\"86400\"", "true"})
  void ttlOutsideOneSecondToFiveDaysIs400AndMakesNoLink(String ttl, TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);

    t.as(owner).body("{\"username\":\"u\",\"role\":\"user\",\"ttl\":" + ttl + "}")
        .post("/v1/spaces/{s}/rooms/{r}/generate-access", room.spaceId(), room.id()).then().spec(apiError(400));

    t.control().get("/links").then().body("total", equalTo(0));
  }

  @Test
  void usernameAndRoleAreRequiredAndAnUnknownRoleIsUser(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);

    t.generateAccess(owner, room, Map.of("role", "user")).then().spec(apiError(400));
    t.generateAccess(owner, room, Map.of("username", "u")).then().spec(apiError(400));
    t.control().get("/links").then().body("total", equalTo(0));

    // the guide's two roles are user and moderator; another is taken as the least (ledger E3)
    t.generateAccess(owner, room, Map.of("username", "u", "role", "admin")).then().statusCode(200);
    t.control().get("/links").then().body("total", equalTo(1)).body("items[0].role", equalTo("user"));
  }

  @Test
  void aOneTimeLinkOpensOnce(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "user"))
        .then().statusCode(200).extract().path("url");

    open(url).then().statusCode(200);

    open(url).then().spec(apiError(410));
    t.control().get("/links").then().body("items[0].opens", equalTo(1)).body("items[0].usable", equalTo(false));
  }

  @Test
  void aPermanentLinkReopensUntilItsTtlRunsOut(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "user", "isPermanent", true,
        "ttl", 7200)).then().statusCode(200).extract().path("url");

    open(url).then().statusCode(200);
    open(url).then().statusCode(200);
    t.advanceClock(7200 - 60);
    open(url).then().statusCode(200);

    t.advanceClock(60);

    open(url).then().spec(apiError(410));
    t.control().get("/links").then().body("items[0].opens", equalTo(3)).body("items[0].usable", equalTo(false));
  }

  @Test
  void anUnopenedOneTimeLinkExpiresAfterTheDefaultDay(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "user"))
        .then().statusCode(200).extract().path("url");

    t.advanceClock(86_400);

    open(url).then().spec(apiError(410));
  }

  @Test
  void aBrowserGetsTheRoomPageAsHtml(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.generateAccess(owner, room, Map.of("username", "<Ann>", "role", "user"))
        .then().statusCode(200).extract().path("url");

    RestAssured.given().urlEncodingEnabled(false).accept("text/html").get(URI.create(url))
        .then().statusCode(200).contentType(containsString("text/html"))
        .body(containsString("&lt;Ann&gt;"));
  }

  @Test
  void aLinkOnlyOpensItsOwnRoom(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, true);
    TestRoom room = t.createRoom(owner, space, true);
    TestRoom other = t.createRoom(owner, space, true);
    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "user"))
        .then().statusCode(200).extract().path("url");

    open(url.replace("/room/" + room.alias(), "/room/" + other.alias())).then().spec(apiError(403));

    open(url).then().statusCode(200);
  }

  /** "только пользователем, который создал комнату (не путать с правами создателя группы) или ... модератора в комнате" [guide]. */
  @Test
  void onlyTheRoomCreatorOrARoomModeratorMayGenerateAccess(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, true);
    TestUser creator = t.newUser("creator");
    t.join(owner, space, creator, "role_space_moderator");
    TestRoom room = t.createRoom(creator.accessToken(), space, true);
    TestUser roomModerator = t.newUser("roomModerator");
    TestUser roomUser = t.newUser("roomUser");
    t.grantRole(creator.accessToken(), room, roomModerator.id(), "role_room_moderator").then().statusCode(200);
    t.grantRole(creator.accessToken(), room, roomUser.id(), "role_room_user").then().statusCode(200);
    Map<String, String> body = Map.of("username", "guest", "role", "user");

    t.generateAccess(owner, room, body).then().spec(apiError(403));
    t.generateAccess(roomUser.accessToken(), room, body).then().spec(apiError(403));
    t.generateAccess(t.newUser("stranger").accessToken(), room, body).then().spec(apiError(403));
    t.generateAccess(t.clientToken(), room, body).then().spec(apiError(403));
    t.control().get("/links").then().body("total", equalTo(0));

    t.generateAccess(creator.accessToken(), room, body).then().statusCode(200);
    t.generateAccess(roomModerator.accessToken(), room, body).then().statusCode(200);
    t.control().get("/links").then().body("total", equalTo(2));
  }

  @Test
  void aLinksTokenIsNoKeyToTheApi(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "moderator", "isPermanent", true))
        .then().statusCode(200).extract().path("url");
    Matcher m = URL.matcher(url);
    assertTrue(m.matches(), url);

    t.as(m.group(3)).get("/v1/spaces").then().spec(apiError(403));
    t.as(m.group(3)).body(Map.of("name", "x")).post("/v1/spaces").then().spec(apiError(403));
  }

  @Test
  void aRegisteredUserOpensTheRoomPageWithTheirRefreshToken(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);

    t.anonymous().queryParam("participantName", "IvanIvanov").queryParam("refreshToken", t.owner().refreshToken())
        .get("/room/{a}", room.alias()).then().statusCode(200)
        .body("participantName", equalTo("IvanIvanov")).body("userId", equalTo(t.owner().id()));
    t.anonymous().get("/room/{a}", room.alias()).then().spec(apiError(401));
  }

  /** Fifty people open the same one-time link at once: exactly one gets in. */
  @Test
  void fiftyParallelOpensOfAOneTimeLinkSucceedExactlyOnce(TestTenant t) throws Exception {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "user"))
        .then().statusCode(200).extract().path("url");

    List<Integer> statuses = Race.statuses(50, () -> open(url).statusCode());

    assertEquals(1, Collections.frequency(statuses, 200), "successes among " + statuses);
    assertEquals(49, Collections.frequency(statuses, 410), "refusals among " + statuses);
    t.control().get("/links").then().body("items[0].opens", equalTo(1));
  }

  /**
   * Issue 8, defect 2: a used one-time link's token also let its holder in through the SDK's
   * participant-and-join path. One-time means one admission, whatever path the holder takes.
   */
  @Test
  void aOneTimeLinkAdmitsOnceWhetherOpenedOrJoinedLikeTheSdk(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);

    String opened = linkToken(t.generateAccess(owner, room, Map.of("username", "u", "role", "user")));
    t.anonymous().urlEncodingEnabled(false).queryParam("accessToken", opened).get("/room/{a}", room.alias())
        .then().statusCode(200);
    t.as(opened).body(Map.of("roomId", room.id())).post("/v1/spaces/{s}/participants", room.spaceId())
        .then().spec(apiError(410));

    String joined = linkToken(t.generateAccess(owner, room, Map.of("username", "v", "role", "user")));
    String first = sdkParticipant(t, joined, room);
    String second = sdkParticipant(t, joined, room);
    sdkJoin(t, joined, room, first).then().statusCode(200);
    sdkJoin(t, joined, room, first).then().statusCode(200);   // the same person again: no second admission
    sdkJoin(t, joined, room, second).then().spec(apiError(410));
    t.anonymous().urlEncodingEnabled(false).queryParam("accessToken", joined).get("/room/{a}", room.alias())
        .then().spec(apiError(410));

    t.anonymous().get("/_mock/rooms/{r}", room.id()).then().statusCode(200).body("participants.size()", equalTo(2));
    t.control().get("/links").then().body("items.opens", contains(1, 1));
  }

  /** Fifty holders of one one-time link race through the room page and the SDK path: one gets in. */
  @Test
  void fiftyRacersOnOneLinkThroughThePageAndTheSdkPathGetOneAdmission(TestTenant t) throws Exception {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.generateAccess(owner, room, Map.of("username", "u", "role", "user"))
        .then().statusCode(200).extract().path("url");
    String token = url.substring(url.indexOf("accessToken=") + "accessToken=".length());
    List<Callable<Integer>> racers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      racers.add(i % 2 == 0 ? () -> open(url).statusCode() : () -> {
        Response created = t.as(token).body(Map.of("roomId", room.id())).post("/v1/spaces/{s}/participants",
            room.spaceId());
        return created.statusCode() != 201 ? created.statusCode()
            : sdkJoin(t, token, room, created.path("id")).statusCode();
      });
    }

    List<Integer> statuses = Race.statuses(racers);

    assertEquals(1, Collections.frequency(statuses, 200), "admissions among " + statuses);
    assertEquals(49, Collections.frequency(statuses, 410), "refusals among " + statuses);
    t.anonymous().get("/_mock/rooms/{r}", room.id()).then().body("participants.size()", equalTo(1));
    t.control().get("/links").then().body("items[0].opens", equalTo(1));
  }

  private static String linkToken(Response generated) {
    String url = generated.then().statusCode(200).extract().path("url");
    return url.substring(url.indexOf("accessToken=") + "accessToken=".length());
  }

  private static String sdkParticipant(TestTenant t, String token, TestRoom room) {
    return t.as(token).body(Map.of("roomId", room.id(), "role", "host", "clientUniqueId", "c"))
        .post("/v1/spaces/{s}/participants", room.spaceId()).then().statusCode(201).extract().path("id");
  }

  private static Response sdkJoin(TestTenant t, String token, TestRoom room, String participantId) {
    return t.as(token).body(Map.of("participantId", participantId))
        .post("/v1/spaces/{s}/rooms/{r}/join", room.spaceId(), room.id());
  }

  /** Opens a generated link as it is, without re-encoding its query. */
  private static Response open(String url) {
    return RestAssured.given().urlEncodingEnabled(false).get(URI.create(url));
  }

  private static long lifetime(String token) {
    Map<String, Object> claims = Jwt.claims(token);
    return ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
  }
}
