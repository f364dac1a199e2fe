package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.livedigitalmock.server.support.ApiErrors.oauthError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The control plane under {@code /_mock}: health, resets, tenants and their isolation, clocks, and
 * seeded ids. Tests that reset everything or move the server clock start a server of their own.
 */
@ExtendWith(MockServerExtension.class)
class ControlPlaneTest {

  private static final String UNKNOWN_ID = "0123456789abcdef01234567";

  @Test
  void healthAnswersUp(MockServer server) {
    given().baseUri(server.baseUrl()).get("/_mock/health").then().statusCode(200)
        .contentType(ContentType.JSON).body("status", equalTo("UP"));
  }

  @Test
  void createTenantWithGivenCredentials(MockServer server) {
    given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
        .body(Map.of("clientId", "acme", "clientSecret", "acme-secret", "plan", "basic",
            "user", Map.of("email", "boss@acme.test", "password", "pw", "username", "Boss")))
        .post("/_mock/tenants").then().statusCode(201)
        .body("clientId", equalTo("acme")).body("clientSecret", equalTo("acme-secret"))
        .body("clientObjectId", matchesPattern("[0-9a-f]{24}")).body("plan", equalTo("basic"))
        .body("user.id", matchesPattern("[0-9a-f]{24}")).body("user.email", equalTo("boss@acme.test"))
        .body("user.password", equalTo("pw")).body("user.username", equalTo("Boss"));

    String token = given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
        .body(Map.of("client_id", "acme", "client_secret", "acme-secret", "grant_type", "password",
            "username", "boss@acme.test", "password", "pw"))
        .post("/v1/auth/token").then().statusCode(200).extract().path("access_token");
    String space = given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + token).body(Map.of("name", "s")).post("/v1/spaces")
        .then().statusCode(201).extract().path("id");
    given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + token).get("/v1/spaces/{s}", space)
        .then().statusCode(200).body("planAlias", equalTo("basic"));
  }

  @Test
  void createTenantRefusesATakenClientIdAndBadFields(MockServer server, TestTenant t) {
    tenants(server).body(Map.of("clientId", t.clientId())).post().then().spec(apiError(409));
    tenants(server).body(Map.of("plan", "gold")).post().then().spec(apiError(400));
    tenants(server).body(Map.of("clientId", 7)).post().then().spec(apiError(400));
    tenants(server).body("{\"clientId\":").post().then().spec(apiError(400));
    int count = tenants(server).get().then().extract().path("total");
    tenants(server).body(Map.of("clientId", "bad-email", "user", Map.of("email", "no-at-sign"))).post()
        .then().spec(apiError(400));
    tenants(server).body(Map.of("clientId", "empty-email", "user", Map.of("email", ""))).post()
        .then().spec(apiError(400));
    tenants(server).get().then().body("total", equalTo(count));

    t.token(Map.of("grant_type", "client_credentials")).then().statusCode(200);
  }

  @Test
  void unknownTenantIs404(MockServer server) {
    given().baseUri(server.baseUrl()).get("/_mock/tenants/nobody/links").then().spec(apiError(404));
    given().baseUri(server.baseUrl()).post("/_mock/tenants/nobody/reset").then().spec(apiError(404));
    given().baseUri(server.baseUrl()).get("/_mock/tenants/nobody/clock").then().spec(apiError(404));
  }

  @Test
  void usersCanBeSeededThroughTheControlPlane(TestTenant t) {
    String id = t.control().body(Map.of("email", "seeded@example.com", "password", "pw", "username", "Seeded"))
        .post("/users").then().statusCode(201).body("email", equalTo("seeded@example.com"))
        .extract().path("id");

    String token = t.login(id, "seeded@example.com", "pw").accessToken();
    t.as(token).get("/v1/users/me").then().statusCode(200).body("id", equalTo(id));
    t.control().body(Map.of("email", "seeded@example.com", "password", "x", "username", "x"))
        .post("/users").then().spec(apiError(409));
  }

  @Test
  void aSpacesPlanCanBeSet(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, true);
    t.as(owner).get("/v1/spaces/{s}", space).then().body("planAlias", equalTo("pro"));

    t.control().body(Map.of("plan", "free")).put("/spaces/{s}/plan", space).then().statusCode(200)
        .body("planAlias", equalTo("free"));

    t.as(owner).get("/v1/spaces/{s}", space).then().body("planAlias", equalTo("free"));
    t.control().body(Map.of("plan", "gold")).put("/spaces/{s}/plan", space).then().spec(apiError(400));
    t.control().body(Map.of()).put("/spaces/{s}/plan", space).then().spec(apiError(400));
    t.control().body(Map.of("plan", "basic")).put("/spaces/{s}/plan", UNKNOWN_ID).then().spec(apiError(404));
    t.as(owner).get("/v1/spaces/{s}", space).then().body("planAlias", equalTo("free"));
  }

  @Test
  void resetOfOneTenantDropsItsDataOnly(TestTenant t, TestTenant other) {
    String mine = t.createSpace(t.owner().accessToken(), true);
    String theirs = other.createSpace(other.owner().accessToken(), true);
    var user = t.newUser("dropped");

    t.control().post("/reset").then().statusCode(200).body("clientId", equalTo(t.clientId()))
        .body("user.id", equalTo(t.owner().id()));

    t.as(t.owner().accessToken()).get("/v1/spaces").then().statusCode(200).body("total", equalTo(0));
    t.as(t.owner().accessToken()).get("/v1/spaces/{s}", mine).then().spec(apiError(404));
    t.token(Map.of("grant_type", "password", "username", user.email(), "password", user.password()))
        .then().spec(oauthError(400, "invalid_grant"));
    t.token(Map.of("grant_type", "client_credentials")).then().statusCode(200);
    other.as(other.owner().accessToken()).get("/v1/spaces/{s}", theirs).then().statusCode(200);
  }

  @Test
  void resetAllDropsEveryTenantAndBringsBackTheDemoTenantAsNew() {
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withSeed(1))) {
      TestTenant extra = TestTenant.create(server.baseUrl());
      String demoToken = demoLogin(server.baseUrl());
      String demoUserId = given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + demoToken)
          .get("/v1/users/me").then().statusCode(200).body("email", equalTo("demo@example.com"))
          .extract().path("id");
      given().baseUri(server.baseUrl()).contentType(ContentType.JSON).header("Authorization", "Bearer " + demoToken)
          .body(Map.of("name", "demo space")).post("/v1/spaces").then().statusCode(201);

      given().baseUri(server.baseUrl()).post("/_mock/reset").then().statusCode(200);

      extra.token(Map.of("grant_type", "client_credentials")).then().spec(oauthError(401, "invalid_client"));
      extra.as(extra.owner().accessToken()).get("/v1/users/me").then().spec(apiError(401));
      String fresh = demoLogin(server.baseUrl());
      given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + fresh).get("/v1/users/me")
          .then().statusCode(200).body("id", equalTo(demoUserId));
      given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + fresh).get("/v1/spaces")
          .then().statusCode(200).body("total", equalTo(0));
      given().baseUri(server.baseUrl()).get("/_mock/tenants").then().statusCode(200)
          .body("items.clientId", containsInAnyOrder("demo-client", "moodhood-demo"));
    }
  }

  /** Tokens of one tenant never see another tenant's data: its ids simply do not exist there. */
  @Test
  void aTenantsTokensNeverReachAnotherTenantsData(TestTenant a, TestTenant b) {
    String bOwner = b.owner().accessToken();
    TestRoom bRoom = b.createRoom(bOwner, b.createSpace(bOwner, true), true);
    String aToken = a.owner().accessToken();

    a.as(aToken).get("/v1/spaces").then().statusCode(200).body("total", equalTo(0));
    a.as(aToken).get("/v1/spaces/{s}", bRoom.spaceId()).then().spec(apiError(404));
    a.as(aToken).body(Map.of("name", "hijack", "isPublic", false)).put("/v1/spaces/{s}", bRoom.spaceId())
        .then().spec(apiError(404));
    a.as(aToken).delete("/v1/spaces/{s}", bRoom.spaceId()).then().spec(apiError(404));
    a.as(aToken).get("/v1/spaces/{s}/rooms", bRoom.spaceId()).then().spec(apiError(404));
    a.as(aToken).get("/v1/spaces/room-by-alias/{a}", bRoom.alias()).then().spec(apiError(404));
    a.as(aToken).body(Map.of("role", "role_space_moderator")).post("/v1/spaces/{s}/invites", bRoom.spaceId())
        .then().spec(apiError(404));
    a.generateAccess(aToken, bRoom, Map.of("username", "u", "role", "user")).then().spec(apiError(404));
    a.grantRole(aToken, bRoom, a.owner().id(), "role_room_moderator").then().spec(apiError(404));

    b.as(bOwner).get("/v1/spaces/{s}", bRoom.spaceId()).then().statusCode(200)
        .body("name", equalTo("space")).body("isPublic", equalTo(true));
    b.as(bOwner).get("/v1/spaces/{s}/rooms/{r}", bRoom.spaceId(), bRoom.id()).then().statusCode(200);
    b.control().get("/links").then().body("total", equalTo(0));
  }

  @Test
  void aTenantsClockMovesThatTenantOnly(TestTenant a, TestTenant b) {
    Instant aBefore = a.now();
    Instant bBefore = b.now();

    Instant aAfter = a.advanceClock(86_400);

    assertTrue(!aAfter.isBefore(aBefore.plusSeconds(86_400)), aBefore + " -> " + aAfter);
    Duration bMoved = Duration.between(bBefore, b.now());
    assertTrue(bMoved.compareTo(Duration.ofHours(1)) < 0, "other tenant moved by " + bMoved);
    a.advanceClock(604_800);
    a.as(a.owner().accessToken()).get("/v1/users/me").then().spec(apiError(401));
    b.as(b.owner().accessToken()).get("/v1/users/me").then().statusCode(200);
  }

  @Test
  void clockRequestsAreValidated(TestTenant t) {
    Instant before = t.now();
    t.control().body(Map.of()).post("/clock").then().spec(apiError(400));
    t.control().body(Map.of("advanceSeconds", 1, "now", "2100-01-01T00:00:00.000Z")).post("/clock")
        .then().spec(apiError(400));
    t.control().body(Map.of("advanceSeconds", -1)).post("/clock").then().spec(apiError(400));
    t.control().body(Map.of("advanceSeconds", "ten")).post("/clock").then().spec(apiError(400));
    t.control().body(Map.of("now", "yesterday")).post("/clock").then().spec(apiError(400));
    t.control().body(Map.of("now", "2000-01-01T00:00:00.000Z")).post("/clock").then().spec(apiError(400));

    assertTrue(Duration.between(before, t.now()).compareTo(Duration.ofHours(1)) < 0, "clock moved");
  }

  @Test
  void theServerClockMovesEveryTenantAndOnlyForward() {
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withSeed(1))) {
      TestTenant a = TestTenant.create(server.baseUrl());
      TestTenant b = TestTenant.create(server.baseUrl());
      Instant aBefore = a.now();
      Instant bBefore = b.now();

      given().baseUri(server.baseUrl()).contentType(ContentType.JSON).body(Map.of("advanceSeconds", 3600))
          .post("/_mock/clock").then().statusCode(200);

      assertTrue(!a.now().isBefore(aBefore.plusSeconds(3600)));
      assertTrue(!b.now().isBefore(bBefore.plusSeconds(3600)));
      given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
          .body(Map.of("now", "2100-01-01T00:00:00.000Z")).post("/_mock/clock").then().statusCode(200)
          .body("now", equalTo("2100-01-01T00:00:00.000Z"));
      assertTrue(!a.now().isBefore(Instant.parse("2100-01-01T00:00:00Z")), "tenant clock " + a.now());
      given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
          .body(Map.of("now", "2099-01-01T00:00:00.000Z")).post("/_mock/clock").then().spec(apiError(400));
      a.as(a.owner().accessToken()).get("/v1/users/me").then().spec(apiError(401));
    }
  }

  @Test
  void theSameSeedAndRequestsGiveTheSameIds() {
    List<String> first = idsOfAScriptedSession(7);
    List<String> second = idsOfAScriptedSession(7);
    List<String> otherSeed = idsOfAScriptedSession(8);

    assertEquals(first, second);
    for (int i = 0; i < first.size(); i++) {
      assertNotEquals(first.get(i), otherSeed.get(i), "id #" + i + " with another seed");
    }
  }

  /** The ids one fixed series of requests produces on a new server with this seed. */
  private static List<String> idsOfAScriptedSession(long seed) {
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withSeed(seed))) {
      List<String> ids = new ArrayList<>();
      ids.add(server.tenants().demo().user().id());
      TestTenant generated = TestTenant.create(server.baseUrl());
      ids.add(generated.clientId());
      ids.add(generated.clientObjectId());
      ids.add(generated.owner().id());
      String owner = generated.owner().accessToken();
      TestRoom room = generated.createRoom(owner, generated.createSpace(owner, true), false);
      ids.add(room.spaceId());
      ids.add(room.id());
      ids.add(room.alias());
      ids.add(room.channelId());
      ids.add(generated.invite(owner, room.spaceId(), "role_space_user"));
      ids.add(generated.newUser("someone").id());
      generated.generateAccess(owner, room, Map.of("username", "u", "role", "user")).then().statusCode(200);
      JsonPath link = generated.control().get("/links").then().extract().jsonPath();
      ids.add(link.getString("items[0].id"));
      ids.add(link.getString("items[0].guestId"));
      return ids;
    }
  }

  private static io.restassured.specification.RequestSpecification tenants(MockServer server) {
    return given().baseUri(server.baseUrl()).basePath("/_mock/tenants").contentType(ContentType.JSON);
  }

  private static String demoLogin(String baseUrl) {
    return given().baseUri(baseUrl).contentType(ContentType.JSON)
        .body(Map.of("client_id", "demo-client", "client_secret", "demo-secret", "grant_type", "password",
            "username", "demo@example.com", "password", "demo-password"))
        .post("/v1/auth/token").then().statusCode(200).extract().path("access_token");
  }

  @Test
  void dataIdsDoNotDependOnHowOftenTokensWereFetched(TestTenant t) {
    String first = t.createSpace(t.owner().accessToken(), true);
    t.control().post("/reset").then().statusCode(200);

    String token = null;
    for (int i = 0; i < 5; i++) {
      token = t.token(java.util.Map.of("grant_type", "password", "username", t.owner().email(),
          "password", t.owner().password())).then().statusCode(200).extract().path("access_token");
    }
    assertEquals(first, t.createSpace(token, true), "the same first space id after a reset, whatever logins happened");
  }

  @Test
  void generatedLinksNameTheAddressTheRequestCameTo(TestTenant t) {
    String owner = t.owner().accessToken();
    var room = t.createRoom(owner, t.createSpace(owner, true), true);
    String url = t.as(owner).header("Host", "school.example:4321")
        .body(java.util.Map.of("username", "Guest", "role", "user"))
        .post("/v1/spaces/" + room.spaceId() + "/rooms/" + room.id() + "/generate-access")
        .then().statusCode(200).extract().path("url");
    org.junit.jupiter.api.Assertions.assertTrue(url.startsWith("http://school.example:4321/room/" + room.alias() + "?"),
        url);
  }

  /**
   * Java's HttpClient asks to upgrade plain http to HTTP/2 (which would carry the address as
   * :authority, not Host); the mock answers in HTTP/1.1 (ledger S20), and the link names the address.
   */
  @Test
  void generatedLinksNameTheAddressAnHttp2ClientUsed(TestTenant t) throws Exception {
    String owner = t.owner().accessToken();
    var room = t.createRoom(owner, t.createSpace(owner, true), true);
    String localhost = t.baseUrl().replace("127.0.0.1", "localhost");
    var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(localhost + "/v1/spaces/" + room.spaceId()
            + "/rooms/" + room.id() + "/generate-access"))
        .header("Authorization", "Bearer " + owner).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"Guest\",\"role\":\"user\"}")).build();

    var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

    assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version(), "the mock declined the h2c upgrade");
    String url = new io.vertx.core.json.JsonObject(response.body()).getString("url");
    org.junit.jupiter.api.Assertions.assertTrue(url.startsWith(localhost + "/room/" + room.alias() + "?"), url);
  }
}
