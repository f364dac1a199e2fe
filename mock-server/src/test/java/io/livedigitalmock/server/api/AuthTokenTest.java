package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.livedigitalmock.server.support.ApiErrors.oauthError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.Jwt;
import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /v1/auth/token} (every grant, both encodings, the OAuth2 errors) and bearer checking. */
@ExtendWith(MockServerExtension.class)
class AuthTokenTest {

  @Test
  void clientCredentialsGrantAnswersAClientTokenPair(TestTenant t) {
    JsonPath pair = t.token(Map.of("grant_type", "client_credentials"))
        .then().statusCode(200).contentType(ContentType.JSON)
        .body("token_type", equalTo("Bearer")).extract().jsonPath();

    Map<String, Object> access = Jwt.claims(pair.getString("access_token"));
    assertEquals("HS256", Jwt.header(pair.getString("access_token")).get("alg"));
    assertEquals("client", access.get("aud"));
    assertEquals("accessToken", access.get("type"));
    assertEquals(t.clientObjectId(), access.get("cId"));
    assertEquals(t.clientObjectId(), access.get("sub"), "a client token's sub is the client's id");
    assertEquals(604_800L, lifetime(access));
    Map<String, Object> refresh = Jwt.claims(pair.getString("refresh_token"));
    assertEquals("refreshToken", refresh.get("type"));
    assertEquals(2_592_000L, lifetime(refresh));
  }

  @Test
  void passwordGrantTakesTheEmailAsUsernameAndActsAsThatUser(TestTenant t) {
    TestUser user = t.newUser("anna");

    Map<String, Object> claims = Jwt.claims(user.accessToken());
    assertEquals("user", claims.get("aud"));
    assertEquals(user.id(), claims.get("sub"));
    assertEquals(t.clientObjectId(), claims.get("cId"));
    assertTrue(String.valueOf(claims.get("sgn")).matches("[0-9a-f]{10}"), "sgn: " + claims.get("sgn"));
    t.as(user.accessToken()).get("/v1/users/me").then().statusCode(200)
        .body("id", equalTo(user.id())).body("email", equalTo(user.email()));
  }

  @Test
  void formEncodedBodyIsAccepted(TestTenant t) {
    String token = t.anonymous().contentType(ContentType.URLENC)
        .formParam("client_id", t.clientId()).formParam("client_secret", t.clientSecret())
        .formParam("grant_type", "password").formParam("username", t.owner().email())
        .formParam("password", t.owner().password())
        .post("/v1/auth/token").then().statusCode(200).extract().path("access_token");

    t.as(token).get("/v1/users/me").then().statusCode(200).body("id", equalTo(t.owner().id()));
  }

  /** {@code curl -d '{...}'} labels JSON as a form; the guide's users do exactly that. */
  @Test
  void jsonSentWithAFormContentTypeIsReadAsJson(TestTenant t) {
    t.anonymous().contentType("application/x-www-form-urlencoded")
        .body("{\"client_id\":\"" + t.clientId() + "\",\"client_secret\":\"" + t.clientSecret()
            + "\",\"grant_type\":\"client_credentials\"}")
        .post("/v1/auth/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
  }

  @Test
  void refreshGrantGivesAWorkingNewPairForTheSameUser(TestTenant t) {
    TestUser user = t.newUser("boris");

    JsonPath pair = t.token(Map.of("grant_type", "refresh_token", "refresh_token", user.refreshToken()))
        .then().statusCode(200).body("token_type", equalTo("Bearer")).extract().jsonPath();

    assertNotEquals(user.accessToken(), pair.getString("access_token"));
    assertEquals("refreshToken", Jwt.claims(pair.getString("refresh_token")).get("type"));
    t.as(pair.getString("access_token")).get("/v1/users/me").then().statusCode(200)
        .body("id", equalTo(user.id()));
  }

  @Test
  void refreshGrantOfAClientTokenGivesAClientToken(TestTenant t) {
    String refresh = t.token(Map.of("grant_type", "client_credentials")).path("refresh_token");

    String access = t.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh))
        .then().statusCode(200).extract().path("access_token");

    assertEquals("client", Jwt.claims(access).get("aud"));
    t.as(access).body(Map.of("email", "via-refresh@example.com", "password", "p", "username", "r"))
        .post("/v1/users").then().statusCode(201);
  }

  @Test
  void refreshGrantRefusesAnAccessToken(TestTenant t) {
    t.token(Map.of("grant_type", "refresh_token", "refresh_token", t.owner().accessToken()))
        .then().spec(oauthError(400, "invalid_grant"));
  }

  @Test
  void refreshGrantRefusesAnotherTenantsRefreshToken(TestTenant t, TestTenant other) {
    t.token(Map.of("grant_type", "refresh_token", "refresh_token", other.owner().refreshToken()))
        .then().spec(oauthError(400, "invalid_grant"));
  }

  @Test
  void refreshTokenExpiresAfterThirtyDays(TestTenant t) {
    String refresh = t.owner().refreshToken();
    t.advanceClock(2_592_000 - 60);
    t.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh)).then().statusCode(200);

    t.advanceClock(60);

    t.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh))
        .then().spec(oauthError(400, "invalid_grant"));
  }

  static Stream<Arguments> tokenEndpointErrors() {
    Function<TestTenant, Map<String, Object>> client = t -> new HashMap<>(Map.of(
        "client_id", t.clientId(), "client_secret", t.clientSecret()));
    return Stream.of(
        error("wrong client secret", 401, "invalid_client",
            t -> Map.of("client_id", t.clientId(), "client_secret", "nope",
                "grant_type", "client_credentials")),
        error("unknown client", 401, "invalid_client",
            t -> Map.of("client_id", "no-such-client",
                "client_secret", t.clientSecret(), "grant_type", "client_credentials")),
        error("wrong password", 400, "invalid_grant",
            t -> with(client.apply(t), "grant_type", "password",
                "username", t.owner().email(), "password", "wrong")),
        error("unknown email", 400, "invalid_grant",
            t -> with(client.apply(t), "grant_type", "password",
                "username", "nobody@example.com", "password", t.owner().password())),
        error("garbled refresh token", 400, "invalid_grant",
            t -> with(client.apply(t), "grant_type", "refresh_token",
                "refresh_token", "not-a-token")),
        error("unsupported grant_type", 400, "unsupported_grant_type",
            t -> with(client.apply(t), "grant_type", "authorization_code")),
        error("no grant_type", 400, "invalid_request", client::apply),
        error("grant_type not a string", 400, "invalid_request",
            t -> with(client.apply(t), "grant_type", 5)),
        error("password grant without username", 400, "invalid_request",
            t -> with(client.apply(t), "grant_type", "password",
                "password", t.owner().password())),
        error("refresh grant without refresh_token", 400, "invalid_request",
            t -> with(client.apply(t), "grant_type", "refresh_token")),
        error("malformed JSON", 400, "invalid_request",
            t -> "{\"grant_type\": \"client_credentials\","),
        error("JSON array", 400, "invalid_request",
            t -> "[\"client_credentials\"]"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("tokenEndpointErrors")
  void tokenEndpointAnswersOAuth2Errors(String name, int status, String code, Function<TestTenant, Object> body,
                                        TestTenant t) {
    t.anonymous().body(body.apply(t)).post("/v1/auth/token").then().spec(oauthError(status, code));
  }

  @Test
  void aMalformedFormBodyIsInvalidRequest(TestTenant t) {
    t.anonymous().contentType(ContentType.URLENC).body("grant_type=client_credentials&client_id=%%%")
        .post("/v1/auth/token").then().spec(oauthError(400, "invalid_request"));
  }

  @Test
  void aBodyOfWhitespaceIsAnEmptyObjectButUnicodeSpacesAreNotJson(TestTenant t) {
    t.anonymous().body(" \r\n\t ").post("/v1/auth/token").then().spec(oauthError(400, "invalid_request"))
        .body("error_description", equalTo("grant_type is required"));
    // an em space is whitespace to Java, not to JSON (RFC 8259: space, tab, CR, LF)
    t.anonymous().body(" \u2003 ").post("/v1/auth/token").then().spec(oauthError(400, "invalid_request"))
        .body("error_description", equalTo("Malformed JSON body"));
  }

  @Test
  void wrongPasswordAnswersTheGuidesDescription(TestTenant t) {
    t.token(Map.of("grant_type", "password", "username", t.owner().email(), "password", "wrong"))
        .then().spec(oauthError(400, "invalid_grant"))
        .body("error_description", equalTo("Invalid credentials"));
  }

  @Test
  void accessTokenExpiresAfterSevenDaysOfMockTime(TestTenant t) {
    String token = t.owner().accessToken();
    t.advanceClock(604_800 - 60);
    t.as(token).get("/v1/users/me").then().statusCode(200);

    t.advanceClock(60);

    t.as(token).get("/v1/users/me").then().spec(apiError(401));
  }

  static Stream<Arguments> badBearers() {
    return Stream.of(
        Arguments.of("alg none", (Function<String, String>) Jwt::unsigned),
        Arguments.of("claims changed under the signature", (Function<String, String>) token -> {
          Map<String, Object> claims = new HashMap<>(Jwt.claims(token));
          claims.put("exp", ((Number) claims.get("exp")).longValue() + 1_000_000);
          return Jwt.withClaims(token, claims);
        }),
        Arguments.of("signature cut off", (Function<String, String>) token ->
            token.substring(0, token.lastIndexOf('.') + 1)),
        Arguments.of("signature flipped", (Function<String, String>) token -> {
          char last = token.charAt(token.length() - 5);
          return token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
        }),
        Arguments.of("signed with another key", (Function<String, String>) token -> Jwt.signedWith(token, "guess")),
        Arguments.of("garbled", (Function<String, String>) token -> "not.a.jwt"),
        Arguments.of("one word", (Function<String, String>) token -> "garbage"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBearers")
  void badBearerTokensAre401(String name, Function<String, String> spoil, TestTenant t) {
    String spoiled = spoil.apply(t.owner().accessToken());

    t.as(spoiled).get("/v1/users/me").then().spec(apiError(401));
    t.as(spoiled).body(Map.of("name", "x")).post("/v1/spaces").then().spec(apiError(401));
    t.as(t.owner().accessToken()).get("/v1/spaces").then().statusCode(200).body("total", equalTo(0));
  }

  /** The SDKs send "<token_type> <token>" as the token answer spelled it [sdk]; other spellings pass too (ledger T8). */
  @Test
  void anySchemeWordOrNoneBeforeTheTokenIsAccepted(TestTenant t) {
    String token = t.owner().accessToken();
    for (String header : new String[] {"bearer " + token, "BEARER  " + token, "JWT " + token, token}) {
      t.anonymous().header("Authorization", header).get("/v1/users/me").then().statusCode(200)
          .body("id", equalTo(t.owner().id()));
    }
  }

  @Test
  void missingOrMalformedAuthorizationIs401(TestTenant t) {
    t.anonymous().get("/v1/users/me").then().spec(apiError(401));
    t.anonymous().header("Authorization", "Basic " + t.owner().accessToken()).get("/v1/users/me")
        .then().spec(apiError(401));
    t.anonymous().header("Authorization", "Bearer").get("/v1/users/me").then().spec(apiError(401));
  }

  @Test
  void aRefreshTokenUsedAsBearerActsAsItsUser(TestTenant t) {
    // no source says the real API refuses it (ledger T7); the guide signs users in with it in iframes
    t.as(t.owner().refreshToken()).get("/v1/users/me").then().statusCode(200).body("id", equalTo(t.owner().id()));
  }

  /** The guide's curl samples send the token as a cookie. */
  @Test
  void accessTokenCookieIsAccepted(TestTenant t) {
    t.anonymous().cookie("accessToken", t.owner().accessToken()).get("/v1/users/me")
        .then().statusCode(200).body("id", equalTo(t.owner().id()));
  }

  @Test
  void tokenOfAUserDroppedByATenantResetIs401(TestTenant t) {
    TestUser user = t.newUser("gone");

    t.control().post("/reset").then().statusCode(200);

    t.as(user.accessToken()).get("/v1/users/me").then().spec(apiError(401));
    t.token(Map.of("grant_type", "refresh_token", "refresh_token", user.refreshToken()))
        .then().spec(oauthError(400, "invalid_grant"));
    t.token(Map.of("grant_type", "password", "username", user.email(), "password", user.password()))
        .then().spec(oauthError(400, "invalid_grant"));
  }

  private static Arguments error(String name, int status, String code, Function<TestTenant, Object> body) {
    return Arguments.of(name, status, code, body);
  }

  private static long lifetime(Map<String, Object> claims) {
    return ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
  }

  private static Map<String, Object> with(Map<String, Object> map, Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
