package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.livedigitalmock.server.support.ApiErrors.oauthError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the guide's own samples and RFC 6749 clients send, beyond a bearer header: the refreshToken
 * cookie, HTTP Basic client credentials, client tokens reading public rooms; and the edges of the
 * clock and of invites.
 */
@ExtendWith(MockServerExtension.class)
class GuideSampleCompatibilityTest {

  @Test
  void refreshTokenCookieAloneAuthenticatesAsInTheGuidesRoleSample(TestTenant t) {
    TestUser owner = t.owner();
    String space = t.createSpace(owner.accessToken(), true);

    given().baseUri(t.baseUrl()).cookie("refreshToken", owner.refreshToken()).cookie("trClId", "x")
        .contentType("application/json").body(Map.of("role", "role_space_user"))
        .post("/v1/spaces/" + space + "/invites").then().statusCode(201);
    given().baseUri(t.baseUrl()).cookie("refreshToken", owner.refreshToken())
        .get("/v1/users/me").then().statusCode(200).body("id", equalTo(owner.id()));
  }

  @Test
  void refreshTokenCookieOfAClientOrGarbageIsRefused(TestTenant t) {
    String clientRefresh = t.token(Map.of("grant_type", "client_credentials")).then().statusCode(200)
        .extract().path("refresh_token");

    given().baseUri(t.baseUrl()).cookie("refreshToken", clientRefresh).get("/v1/spaces")
        .then().spec(apiError(403));
    given().baseUri(t.baseUrl()).cookie("refreshToken", "not.a.token").get("/v1/spaces")
        .then().spec(apiError(401));
  }

  @Test
  void httpBasicClientCredentialsWorkOnTheTokenEndpoint(TestTenant t) {
    String basic = Base64.getEncoder().encodeToString(
        (t.clientId() + ":" + t.clientSecret()).getBytes(StandardCharsets.UTF_8));
    given().baseUri(t.baseUrl()).header("Authorization", "Basic " + basic)
        .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
        .post("/v1/auth/token").then().statusCode(200).body("token_type", equalTo("Bearer"));

    String wrong = Base64.getEncoder().encodeToString(
        (t.clientId() + ":nope").getBytes(StandardCharsets.UTF_8));
    given().baseUri(t.baseUrl()).header("Authorization", "Basic " + wrong)
        .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
        .post("/v1/auth/token").then().spec(oauthError(401, "invalid_client"));
  }

  @Test
  void clientTokenReadsPublicRoomsOfPublicSpacesOnly(TestTenant t) {
    String owner = t.owner().accessToken();
    String client = t.clientToken();
    TestRoom open = t.createRoom(owner, t.createSpace(owner, true), true);
    TestRoom closed = t.createRoom(owner, open.spaceId(), false);
    TestRoom inPrivateSpace = t.createRoom(owner, t.createSpace(owner, false), true);

    t.as(client).get("/v1/spaces/room-by-alias/" + open.alias()).then().statusCode(200)
        .body("id", equalTo(open.id())).body("roleInRoom", nullValue());
    t.as(client).get("/v1/spaces/" + open.spaceId() + "/rooms/" + open.id()).then().statusCode(200);
    t.as(client).get("/v1/spaces/room-by-alias/" + closed.alias()).then().spec(apiError(403));
    t.as(client).get("/v1/spaces/" + inPrivateSpace.spaceId() + "/rooms/" + inPrivateSpace.id())
        .then().spec(apiError(403));
    t.as(client).get("/v1/spaces/" + open.spaceId() + "/rooms").then().spec(apiError(403));
  }

  @Test
  void theClockRefusesToLeaveJavaTimesRangeWithA400(TestTenant t) {
    var before = t.now();
    t.anonymous().body(Map.of("now", "+1000000000-01-01T00:00:00Z")).post("/_mock/clock")
        .then().spec(apiError(400));
    t.control().body(Map.of("now", "+1000000000-01-01T00:00:00Z")).post("/clock").then().spec(apiError(400));
    t.control().body(Map.of("now", "9999-12-31T23:59:59.999Z")).post("/clock").then().statusCode(200);
    t.control().body(Map.of("advanceSeconds", 1)).post("/clock").then().spec(apiError(400));
    t.control().get("/clock").then().statusCode(200).body("now", equalTo("9999-12-31T23:59:59.999Z"));
    org.junit.jupiter.api.Assertions.assertTrue(before.isBefore(java.time.Instant.parse("3000-01-01T00:00:00Z")));
  }

  @Test
  void aModeratorActivatingAUserInviteStaysModerator(TestTenant t) {
    String owner = t.owner().accessToken();
    String space = t.createSpace(owner, false);
    TestUser mod = t.newUser("mod");
    t.join(owner, space, mod, "role_space_moderator");

    String userInvite = t.invite(owner, space, "role_space_user");
    t.activate(mod.accessToken(), space, userInvite).then().statusCode(200);

    t.as(mod.accessToken()).get("/v1/spaces").then().statusCode(200).body("items.id", hasItem(space));
    t.as(mod.accessToken()).body(Map.of("role", "role_space_user")).post("/v1/spaces/" + space + "/invites")
        .then().statusCode(201).body("id", not(nullValue()));
  }
}
