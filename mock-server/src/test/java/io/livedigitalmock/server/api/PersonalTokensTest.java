package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.livedigitalmock.server.support.Jwt;
import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestTenant;
import io.livedigitalmock.server.support.TestUser;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Personal tokens [guide]: minted and revoked on the control plane, never expire, act as their user. */
@ExtendWith(MockServerExtension.class)
class PersonalTokensTest {

  private static final long TEN_YEARS = 10L * 365 * 24 * 3600;

  @Test
  void aPersonalTokenActsAsItsUser(TestTenant t) {
    TestUser user = t.newUser("integration");

    JsonPath minted = t.control().body(Map.of("userId", user.id())).post("/personal-tokens")
        .then().statusCode(201).body("id", matchesPattern("[0-9a-f]{24}")).body("userId", equalTo(user.id()))
        .body("createdAt", notNullValue()).extract().jsonPath();
    String token = minted.getString("token");

    t.as(token).get("/v1/users/me").then().statusCode(200).body("id", equalTo(user.id()));
    String space = t.createSpace(token, false);
    t.as(user.accessToken()).get("/v1/spaces/{s}", space).then().statusCode(200)
        .body("ownerId", equalTo(user.id()));
  }

  @Test
  void withoutABodyItIsMintedForTheTenantsOwnUser(TestTenant t) {
    String token = t.control().post("/personal-tokens").then().statusCode(201)
        .body("userId", equalTo(t.owner().id())).extract().path("token");

    t.as(token).get("/v1/users/me").then().statusCode(200).body("id", equalTo(t.owner().id()));
  }

  @Test
  void aPersonalTokenNeverExpires(TestTenant t) {
    String token = mint(t).getString("token");
    assertFalse(Jwt.claims(token).containsKey("exp"), "claims: " + Jwt.claims(token));

    t.advanceClock(TEN_YEARS);

    t.as(token).get("/v1/users/me").then().statusCode(200).body("id", equalTo(t.owner().id()));
    t.as(t.owner().accessToken()).get("/v1/users/me").then().spec(apiError(401));
  }

  @Test
  void aRevokedTokenIs401AndOthersOfTheSameUserStillWork(TestTenant t) {
    JsonPath revoked = mint(t);
    String kept = mint(t).getString("token");

    t.control().delete("/personal-tokens/{id}", revoked.getString("id")).then().statusCode(200)
        .body("revokedAt", notNullValue());

    t.as(revoked.getString("token")).get("/v1/users/me").then().spec(apiError(401));
    t.as(kept).get("/v1/users/me").then().statusCode(200);
    t.control().get("/personal-tokens").then().body("total", equalTo(2))
        .body("items[0].id", equalTo(revoked.getString("id")))
        .body("items[0].revokedAt", notNullValue()).body("items[1].revokedAt", equalTo(null));
  }

  /** As in the web UI, the token is shown once, when it is made: the list has no token values. */
  @Test
  void theListDoesNotRevealTokens(TestTenant t) {
    mint(t);

    t.control().get("/personal-tokens").then().statusCode(200).body("total", equalTo(1))
        .body("items[0]", not(hasKey("token")));
  }

  @Test
  void unknownUserOrTokenIs404(TestTenant t) {
    t.control().body(Map.of("userId", "0123456789abcdef01234567")).post("/personal-tokens").then().spec(apiError(404));
    t.control().delete("/personal-tokens/{id}", "0123456789abcdef01234567").then().spec(apiError(404));
    t.control().get("/personal-tokens").then().body("total", equalTo(0));
  }

  @Test
  void aPersonalTokenDoesNotReachAnotherTenant(TestTenant t, TestTenant other) {
    String otherSpace = other.createSpace(other.owner().accessToken(), true);
    String token = mint(t).getString("token");

    t.as(token).get("/v1/spaces/{s}", otherSpace).then().spec(apiError(404));
    t.as(token).get("/v1/spaces").then().body("total", equalTo(0));
  }

  /** A tenant reset forgets its personal tokens; a revoked one must not come back to life. */
  @Test
  void aTenantResetVoidsItsPersonalTokens(TestTenant t) {
    JsonPath revoked = mint(t);
    t.control().delete("/personal-tokens/{id}", revoked.getString("id")).then().statusCode(200);
    String live = mint(t).getString("token");

    t.control().post("/reset").then().statusCode(200);

    t.as(revoked.getString("token")).get("/v1/users/me").then().spec(apiError(401));
    t.as(live).get("/v1/users/me").then().spec(apiError(401));
    t.control().get("/personal-tokens").then().body("total", equalTo(0));
  }

  /** A personal token of the tenant's own user: its {@code id} and its {@code token}. */
  private static JsonPath mint(TestTenant t) {
    return t.control().post("/personal-tokens").then().statusCode(201).extract().jsonPath();
  }
}
