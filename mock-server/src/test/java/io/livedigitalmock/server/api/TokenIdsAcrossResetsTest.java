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
