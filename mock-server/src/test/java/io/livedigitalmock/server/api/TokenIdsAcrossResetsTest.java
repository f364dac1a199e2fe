package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reset brings data back with the same ids, but never a token: token and link ids do not repeat
 * within a server's life, so what was revoked or used before a reset stays so after it.
 */
@ExtendWith(MockServerExtension.class)
class TokenIdsAcrossResetsTest {

  @Test
  void aRevokedPersonalTokenStaysRevokedAfterATenantReset(TestTenant t) {
    String revoked = mintAndRevoke(t.control());

    t.control().post("/reset").then().statusCode(200);
    String fresh = t.control().post("/personal-tokens").then().statusCode(201).extract().path("token");

    t.as(fresh).get("/v1/users/me").then().statusCode(200);
    t.as(revoked).get("/v1/users/me").then().spec(apiError(401));
  }

  @Test
  void aRevokedPersonalTokenStaysRevokedAfterAFullReset() {
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withSeed(5))) {
      String demo = "/_mock/tenants/" + server.config().demo().clientId();
      String revoked = mintAndRevoke(given().baseUri(server.baseUrl()).basePath(demo).contentType(ContentType.JSON));

      given().baseUri(server.baseUrl()).post("/_mock/reset").then().statusCode(200);
      String fresh = given().baseUri(server.baseUrl()).basePath(demo).contentType(ContentType.JSON)
          .post("/personal-tokens").then().statusCode(201).extract().path("token");

      me(server, fresh).then().statusCode(200);
      me(server, revoked).then().spec(apiError(401));
    }
  }

  @Test
  void aLinkUsedBeforeAResetDoesNotOpenTheLinkGeneratedAfterIt(TestTenant t) {
    String token = t.owner().accessToken();
    TestRoom room = t.createRoom(token, t.createSpace(token, true), true);
    String usedBefore = link(t, room);
    open(t, usedBefore).then().statusCode(200);

    t.control().post("/reset").then().statusCode(200);
    TestRoom again = t.createRoom(token, t.createSpace(token, true), true);
    assertEquals(room.id(), again.id(), "the same requests make the same ids after a reset");
    String generatedAfter = link(t, again);

    open(t, usedBefore).then().spec(apiError(401));
    open(t, generatedAfter).then().statusCode(200);
    t.control().get("/links").then().body("items[0].opens", equalTo(1));
  }

  @Test
  void aUsedLinksTokenNeverActsAsTheUserMadeWithItsGuestsIdAfterAReset(TestTenant t) {
    String token = t.owner().accessToken();
    TestRoom room = t.createRoom(token, t.createSpace(token, true), true);
    String used = link(t, room);
    open(t, used).then().statusCode(200);
    String linkToken = URI.create(used).getRawQuery().replaceFirst(".*accessToken=", "");
    String guestId = t.control().get("/links").then().extract().path("items[0].guestId");

    t.control().post("/reset").then().statusCode(200);
    t.createRoom(token, t.createSpace(token, true), true);
    String userId = t.as(t.clientToken()).body(Map.of("email", "next@example.com", "password", "pw", "username", "Next"))
        .post("/v1/users").then().statusCode(201).extract().path("id");
    assertEquals(guestId, userId, "the same draws make the next user's id the guest's");

    t.as(linkToken).get("/v1/users/me").then().spec(apiError(401));
    t.as(linkToken).body(Map.of("name", "taken over")).post("/v1/spaces").then().spec(apiError(401));
  }

  @Test
  void aUsersTokensFromBeforeAResetDoNotActAsTheUserMadeWithTheSameIdAfterIt(TestTenant t) {
    TestUser before = t.login(newUser(t, "teacher@example.com"), "teacher@example.com", "pw");
    String[] sdk = sdkParticipantAndToken(t, before.accessToken());
    String participant = sdk[0];
    String signaling = sdk[1];

    t.control().post("/reset").then().statusCode(200);
    TestUser after = t.login(newUser(t, "other@example.com"), "other@example.com", "pw");
    assertEquals(before.id(), after.id(), "a reset makes the same ids again");
    String[] again = sdkParticipantAndToken(t, after.accessToken());
    assertEquals(participant, again[0], "and the same participant ids");

    t.as(before.accessToken()).get("/v1/users/me").then().spec(apiError(401));
    t.token(Map.of("grant_type", "refresh_token", "refresh_token", before.refreshToken())).then().statusCode(400)
        .body("error", equalTo("invalid_grant"));
    t.as(signaling).get("/v1/users/me").then().spec(apiError(401));
    // what a reset keeps: the first user, and whoever holds tokens issued since
    t.as(t.owner().accessToken()).get("/v1/users/me").then().statusCode(200).body("id", equalTo(t.owner().id()));
    t.as(after.accessToken()).get("/v1/users/me").then().statusCode(200).body("email", equalTo("other@example.com"));
    t.as(again[1]).get("/v1/users/me").then().statusCode(200).body("email", equalTo("other@example.com"));
  }

  @Test
  void aRevokedTokenStaysRevokedWhenStatesOfOtherSeedsWereRestoredInBetween() throws Exception {
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withSeed(7))) {
      String demo = "/_mock/tenants/" + server.config().demo().clientId();
      var control = given().baseUri(server.baseUrl()).basePath(demo).contentType(ContentType.JSON);
      String seven = given().baseUri(server.baseUrl()).get("/_mock/state").then().statusCode(200).extract().asString();
      String revoked = mintAndRevoke(control);
      var state = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(seven);
      ((com.fasterxml.jackson.databind.node.ObjectNode) state.get("server")).put("seed", 8);
      String eight = state.toString();

      given().baseUri(server.baseUrl()).body(eight).put("/_mock/state").then().statusCode(200);
      given().baseUri(server.baseUrl()).body(seven).put("/_mock/state").then().statusCode(200);
      for (int i = 0; i < 3; i++) {
        String fresh = given().baseUri(server.baseUrl()).basePath(demo).contentType(ContentType.JSON)
            .post("/personal-tokens").then().statusCode(201).extract().path("token");
        me(server, fresh).then().statusCode(200);
      }
      me(server, revoked).then().spec(apiError(401));
    }
  }

  private static String newUser(TestTenant t, String email) {
    return t.as(t.clientToken()).body(Map.of("email", email, "password", "pw", "username", "Teacher"))
        .post("/v1/users").then().statusCode(201).extract().path("id");
  }

  /** A space and public room of the user's, and a participant of theirs in it (SDK steps 1 and 2). */
  private static String[] sdkParticipantAndToken(TestTenant t, String token) {
    String spaceId = t.createSpace(token, true);
    TestRoom room = t.createRoom(token, spaceId, true);
    String id = t.as(token).body(Map.of("name", "Teacher", "role", "user", "roomId", room.id()))
        .post("/v1/spaces/{s}/participants", spaceId).then().statusCode(201).extract().path("id");
    String signaling = t.as(token).post("/v1/spaces/{s}/participants/{p}/signaling-token", spaceId, id).then()
        .statusCode(201).extract().path("signalingToken");
    return new String[] {id, signaling};
  }

  private static String mintAndRevoke(io.restassured.specification.RequestSpecification control) {
    JsonPath minted = control.post("/personal-tokens").then().statusCode(201).extract().jsonPath();
    control.delete("/personal-tokens/{id}", minted.getString("id")).then().statusCode(200);
    return minted.getString("token");
  }

  private static Response me(MockServer server, String token) {
    return given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + token).get("/v1/users/me");
  }

  private static String link(TestTenant t, TestRoom room) {
    return t.generateAccess(t.owner().accessToken(), room, Map.of("username", "Guest", "role", "user"))
        .then().statusCode(200).extract().path("url");
  }

  private static Response open(TestTenant t, String url) {
    URI uri = URI.create(url);
    return t.anonymous().urlEncodingEnabled(false).get(uri.getRawPath() + "?" + uri.getRawQuery());
  }
}
