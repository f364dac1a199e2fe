package io.livedigitalmock.server.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.MockServerExtension;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tenant is its own world whatever its client id is: ids derive from the client id, not its hash code. */
@ExtendWith(MockServerExtension.class)
class TenantIdentityTest {

  @Test
  void clientIdsWithEqualHashCodesAreTwoSeparateTenants(MockServer server) {
    assertEquals("Aa".hashCode(), "BB".hashCode(), "the pair this test is about");
    JsonPath aa = tenant(server, "Aa");
    JsonPath bb = tenant(server, "BB");
    assertNotEquals(aa.getString("clientObjectId"), bb.getString("clientObjectId"));
    assertNotEquals(aa.getString("user.id"), bb.getString("user.id"));

    String aaToken = userToken(server, aa);
    String aaSpace = given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + aaToken).body(Map.of("name", "Aa's", "isPublic", true))
        .post("/v1/spaces").then().statusCode(201).extract().path("id");

    String bbToken = userToken(server, bb);
    given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + bbToken).get("/v1/spaces")
        .then().statusCode(200).body("items.id", not(hasItem(aaSpace)));
    given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + bbToken).get("/v1/spaces/{s}", aaSpace)
        .then().statusCode(404);
    given().baseUri(server.baseUrl()).header("Authorization", "Bearer " + aaToken).get("/v1/spaces/{s}", aaSpace)
        .then().statusCode(200);
  }

  /**
   * The two client ids below are a pair whose derived client object ids share their first 10 hex
   * chars under seed 42 (found by a search over a million client ids). The registry steps past the
   * taken prefix: the second tenant gets ids of its own.
   */
  @Test
  void aTenantWhoseDerivedIdPrefixIsTakenGetsAnotherOne(MockServer server) {
    assertEquals(42, MockServerExtension.SEED, "the pair collides under this seed");
    JsonPath first = tenant(server, "tenant-546719");
    JsonPath second = tenant(server, "tenant-1160223");
    String firstPrefix = first.getString("clientObjectId").substring(0, 10);
    String secondPrefix = second.getString("clientObjectId").substring(0, 10);

    assertEquals("3d95d086ed", firstPrefix, "the first keeps its derived id");
    assertNotEquals(firstPrefix, secondPrefix);
    assertEquals(firstPrefix, first.getString("user.id").substring(0, 10), "data ids carry the tenant's prefix");
    assertEquals(secondPrefix, second.getString("user.id").substring(0, 10));
  }

  private static JsonPath tenant(MockServer server, String clientId) {
    return given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
        .body(Map.of("clientId", clientId, "user", Map.of("email", "owner@" + clientId.toLowerCase() + ".test")))
        .post("/_mock/tenants").then().statusCode(201).extract().jsonPath();
  }

  private static String userToken(MockServer server, JsonPath tenant) {
    return given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
        .body(Map.of("grant_type", "password", "client_id", tenant.getString("clientId"),
            "client_secret", tenant.getString("clientSecret"), "username", tenant.getString("user.email"),
            "password", tenant.getString("user.password")))
        .post("/v1/auth/token").then().statusCode(200).extract().path("access_token");
  }
}
