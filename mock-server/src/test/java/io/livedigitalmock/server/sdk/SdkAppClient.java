package io.livedigitalmock.server.sdk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST side of a public livedigital SDK example app, written from what the apps do (see
 * {@code SdkExampleAppsTest} for the sources): a client_credentials login, then every request with
 * {@code Authorization: <token_type> <access_token>} exactly as the token answer spelled it. Each
 * platform adds its own headers: the iOS client sends {@code Content-Type: application/json} on every
 * request, GETs and empty POSTs included; the Android client sends {@code x-cl-id: <client_id>} after
 * login and no Content-Type on empty bodies. Answers are checked the way the apps' models decode them:
 * a field they declare as a non-optional String must be a non-null JSON string.
 */
final class SdkAppClient {

  enum Platform { IOS, ANDROID }

  private final String baseUrl;
  private final Platform platform;
  private final String clientId;
  private final String clientSecret;
  private String authorization;

  SdkAppClient(String baseUrl, Platform platform, String clientId, String clientSecret) {
    this.baseUrl = baseUrl;
    this.platform = platform;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /** {@code authorizeAsGuest()}: JSON body, no Authorization header; all three token fields are decoded. */
  void authorizeAsGuest() {
    JsonPath token = decoded(request(false).body(Map.of("client_id", clientId, "client_secret", clientSecret,
        "grant_type", "client_credentials")).post("/v1/auth/token"), "token_type", "access_token", "refresh_token");
    authorization = token.getString("token_type") + " " + token.getString("access_token");
  }

  /** Android's {@code logout()} before every re-auth: the headers go. */
  void logout() {
    authorization = null;
  }

  JsonPath roomByAlias(String alias, String... required) {
    return decoded(request(false).get("/v1/spaces/room-by-alias/{a}", alias), required);
  }

  JsonPath roomById(String spaceId, String roomId, String... required) {
    return decoded(request(false).get("/v1/spaces/{s}/rooms/{r}", spaceId, roomId), required);
  }

  /** The participant body of every app: name, roomId, role "host", clientUniqueId. */
  String createParticipant(String spaceId, String roomId, String name, String clientUniqueId) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("roomId", roomId);
    body.put("role", "host");
    body.put("clientUniqueId", clientUniqueId);
    return decoded(request(true).body(body).post("/v1/spaces/{s}/participants", spaceId), "id").getString("id");
  }

  /** A POST without a body. */
  String signalingToken(String spaceId, String participantId) {
    return decoded(request(false).post("/v1/spaces/{s}/participants/{p}/signaling-token", spaceId, participantId),
        "signalingToken").getString("signalingToken");
  }

  /** The apps ignore join's answer: any 2xx will do. */
  void join(String spaceId, String roomId, String participantId) {
    int status = request(true).body(Map.of("participantId", participantId))
        .post("/v1/spaces/{s}/rooms/{r}/join", spaceId, roomId).statusCode();
    assertTrue(status >= 200 && status < 300, "join answered " + status);
  }

  private RequestSpecification request(boolean hasBody) {
    RequestSpecification spec = given().baseUri(baseUrl).urlEncodingEnabled(true);
    if (platform == Platform.IOS || hasBody) {
      spec.header("Content-Type", platform == Platform.IOS ? "application/json" : "application/json; charset=UTF-8");
    }
    if (authorization != null) {
      spec.header("Authorization", authorization);
      if (platform == Platform.ANDROID) {
        spec.header("x-cl-id", clientId);
      }
    }
    return spec;
  }

  /** A 2xx JSON object whose {@code required} fields are non-null strings, as the apps' models need. */
  private static JsonPath decoded(Response response, String... required) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      fail("answered " + status + ": " + response.asString());
    }
    JsonPath json = response.jsonPath();
    for (String field : List.of(required)) {
      Object value = json.get(field);
      if (!(value instanceof String text) || text.isEmpty()) {
        fail("the apps decode '" + field + "' as a non-null String; got " + value + " in " + response.asString());
      }
    }
    return json;
  }
}
