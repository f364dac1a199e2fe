package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.MockServerExtension;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration guide from top to bottom, as a new user runs it against the demo tenant: the
 * guide's own request bodies, in the guide's order.
 */
@ExtendWith(MockServerExtension.class)
class GuideWalkthroughTest {

  private String baseUrl;

  @Test
  void theWholeGuideWorksAsWritten(MockServer server) {
    baseUrl = server.baseUrl();

    // Авторизация: client token, then a user, then the user's token (email as username)
    String client = post(null, "/v1/auth/token", """
        {"client_id": "demo-client", "client_secret": "demo-secret", "grant_type": "client_credentials"}""")
        .then().statusCode(200).body("token_type", equalTo("Bearer")).extract().path("access_token");
    String userId = post(client, "/v1/users", """
        {"email": "some-email@example.com", "password": "gmi28abc", "username": "Some Username Here",
         "phone": "+79671234567", "captchaToken": "string"}""")
        .then().statusCode(201).body("id", matchesPattern("[0-9a-f]{24}")).extract().path("id");
    JsonPath userPair = post(null, "/v1/auth/token", """
        {"client_id": "demo-client", "client_secret": "demo-secret", "grant_type": "password",
         "username": "some-email@example.com", "password": "gmi28abc"}""")
        .then().statusCode(200).extract().jsonPath();
    String user = userPair.getString("access_token");
    api(user).get("/v1/users/me").then().statusCode(200).body("id", equalTo(userId))
        .body("email", equalTo("some-email@example.com"));

    // Создание групп и комнат
    String spaceId = post(user, "/v1/spaces", """
        {"isPublic": true, "name": "Some test space",
         "description": "Space where my team will have all future calls",
         "logo": "https://server.com/images/png-clipart-myspace-logo.png"}""")
        .then().statusCode(201).body("id", matchesPattern("[0-9a-f]{24}")).extract().path("id");
    JsonPath room = post(user, "/v1/spaces/" + spaceId + "/rooms", """
        {"name": "string", "isPublic": true, "isScreensharingAllowed": true, "isChatAllowed": true,
         "type": "lesson"}""")
        .then().statusCode(201).body("id", matchesPattern("[0-9a-f]{24}"))
        .body("alias", matchesPattern("[A-Za-z0-9]{10}")).body("channelId", matchesPattern("[0-9a-f]{24}"))
        .extract().jsonPath();
    String roomId = room.getString("id");
    String alias = room.getString("alias");

    // Конфигурирование настроек группы, комнаты
    api(user).body("""
        {"isPublic": true, "name": "Some test space", "description": "Space where my team will have all future calls",
         "logo": "https://server.com/images/someimage.png"}""")
        .put("/v1/spaces/" + spaceId).then().statusCode(200);
    api(user).body("""
        {"name": "string", "isPublic": true, "isScreensharingAllowed": true, "isChatAllowed": false,
         "type": "webinar"}""")
        .put("/v1/spaces/" + spaceId + "/rooms/" + roomId).then().statusCode(200);
    api(user).get("/v1/spaces/" + spaceId).then().body("logo", equalTo("https://server.com/images/someimage.png"));
    api(user).get("/v1/spaces/" + spaceId + "/rooms/" + roomId).then()
        .body("type", equalTo("webinar")).body("isChatAllowed", equalTo(false));

    // Управление пользователями: an invite activated once by the invitee, then a room role
    String colleagueId = post(client, "/v1/users", """
        {"email": "colleague@example.com", "password": "pw", "username": "Colleague"}""")
        .then().statusCode(201).extract().path("id");
    String colleague = post(null, "/v1/auth/token", """
        {"client_id": "demo-client", "client_secret": "demo-secret", "grant_type": "password",
         "username": "colleague@example.com", "password": "pw"}""")
        .then().statusCode(200).extract().path("access_token");
    String inviteId = post(user, "/v1/spaces/" + spaceId + "/invites", """
        {"role": "role_space_moderator"}""").then().statusCode(201).extract().path("id");
    api(colleague).post("/v1/spaces/" + spaceId + "/invites/" + inviteId + "/activate").then().statusCode(200);
    api(colleague).post("/v1/spaces/" + spaceId + "/invites/" + inviteId + "/activate").then().spec(apiError(409));
    post(user, "/v1/spaces/" + spaceId + "/rooms/" + roomId + "/roles",
        "{\"targetUserId\": \"" + colleagueId + "\", \"role\": \"role_room_moderator\"}").then().statusCode(200);
    api(colleague).get("/v1/spaces/room-by-alias/" + alias).then().statusCode(200)
        .body("roleInRoom", equalTo("role_room_moderator"));

    // Доступ незарегистрированному пользователю: the link opens the room
    String url = post(colleague, "/v1/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access", """
        {"username": "JohnSmith", "role": "user", "externalUserId": "string", "ttl": 86400, "isPermanent": true,
         "email": "user@some.mail", "phone": "+93456580"}""")
        .then().statusCode(200).extract().path("url");
    assertEquals(baseUrl + "/room/" + alias + "?participantName=JohnSmith&accessToken=",
        url.substring(0, url.indexOf("accessToken=") + "accessToken=".length()));
    RestAssured.given().urlEncodingEnabled(false).get(URI.create(url)).then().statusCode(200)
        .body("participantName", equalTo("JohnSmith")).body("room.alias", equalTo(alias));

    // Refreshing the user's tokens
    String refreshed = post(null, "/v1/auth/token", "{\"client_id\": \"demo-client\", \"client_secret\": \"demo-secret\","
        + " \"grant_type\": \"refresh_token\", \"refresh_token\": \"" + userPair.getString("refresh_token") + "\"}")
        .then().statusCode(200).extract().path("access_token");

    // Lists, get, room-by-alias, delete
    api(refreshed).get("/v1/spaces").then().statusCode(200).body("items.id", hasItem(spaceId))
        .body("total", equalTo(1));
    api(refreshed).get("/v1/spaces/" + spaceId + "/rooms").then().statusCode(200)
        .body("total", equalTo(1)).body("items[0].alias", equalTo(alias));
    api(refreshed).get("/v1/spaces/room-by-alias/" + alias).then().statusCode(200).body("id", equalTo(roomId));
    api(refreshed).delete("/v1/spaces/" + spaceId + "/rooms/" + roomId).then().statusCode(200);
    api(refreshed).get("/v1/spaces/" + spaceId + "/rooms").then().body("total", equalTo(0));
    api(refreshed).delete("/v1/spaces/" + spaceId).then().statusCode(200);
    api(refreshed).get("/v1/spaces").then().body("total", equalTo(0));
  }

  private RequestSpecification api(String token) {
    RequestSpecification request = given().baseUri(baseUrl).contentType(ContentType.JSON);
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private io.restassured.response.Response post(String token, String path, String body) {
    return api(token).body(body).post(path);
  }
}
