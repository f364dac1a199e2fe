package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad request, across the API: each gets its 4xx with a JSON
 * {@code {statusCode, error, message}} (never a 500), and nothing stored changes.
 */
@ExtendWith(MockServerExtension.class)
class ErrorsTest {

  private static final String UNKNOWN = "0123456789abcdef01234567";
  private static final String PROBE_EMAIL = "probe@example.com";
  private static final String OVERSIZE = "{\"name\":\"" + "x".repeat(300_000) + "\"}";

  /** Who sends the request. */
  enum As { OWNER, CLIENT, NOBODY, GARBLED }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        // malformed bodies
        bad("malformed JSON", "POST", "/v1/spaces", As.OWNER, "{\"name\":", 400),
        bad("trailing garbage after JSON", "POST", "/v1/spaces", As.OWNER, "{\"name\":\"a\"} x", 400),
        bad("JSON array body", "POST", "/v1/spaces", As.OWNER, "[{\"name\":\"a\"}]", 400),
        bad("JSON null body", "POST", "/v1/spaces", As.OWNER, "null", 400),
        bad("JSON number body", "PUT", "/v1/spaces/{space}", As.OWNER, "42", 400),
        bad("malformed JSON on a room", "POST", "/v1/spaces/{space}/rooms", As.OWNER, "{name: 'r'}", 400),
        bad("malformed JSON on generate-access", "POST", "/v1/spaces/{space}/rooms/{room}/generate-access",
            As.OWNER, "{\"username\":\"u\",", 400),
        bad("malformed JSON on createUser", "POST", "/v1/users", As.CLIENT, "{\"email\"", 400),
        // wrong types
        bad("space name a number", "POST", "/v1/spaces", As.OWNER, "{\"name\":42}", 400),
        bad("space name an object", "POST", "/v1/spaces", As.OWNER, "{\"name\":{\"ru\":\"x\"}}", 400),
        bad("space isPublic a string", "POST", "/v1/spaces", As.OWNER, "{\"name\":\"s\",\"isPublic\":\"yes\"}", 400),
        bad("update isPublic a number", "PUT", "/v1/spaces/{space}", As.OWNER,
            "{\"name\":\"s\",\"isPublic\":1}", 400),
        bad("room flag a string", "POST", "/v1/spaces/{space}/rooms", As.OWNER,
            "{\"name\":\"r\",\"isChatAllowed\":\"no\"}", 400),
        bad("room update name a list", "PUT", "/v1/spaces/{space}/rooms/{room}", As.OWNER, "{\"name\":[\"r\"]}", 400),
        bad("ttl a string", "POST", "/v1/spaces/{space}/rooms/{room}/generate-access", As.OWNER,
            "{\"username\":\"u\",\"role\":\"user\",\"ttl\":\"60\"}", 400),
        bad("isPermanent a string", "POST", "/v1/spaces/{space}/rooms/{room}/generate-access", As.OWNER,
            "{\"username\":\"u\",\"role\":\"user\",\"isPermanent\":\"true\"}", 400),
        bad("targetUserId a number", "POST", "/v1/spaces/{space}/rooms/{room}/roles", As.OWNER,
            "{\"targetUserId\":1,\"role\":\"role_room_user\"}", 400),
        bad("user email a number", "POST", "/v1/users", As.CLIENT,
            "{\"email\":1,\"password\":\"p\",\"username\":\"u\"}", 400),
        // missing or empty required fields
        bad("space without name", "POST", "/v1/spaces", As.OWNER, "{}", 400),
        bad("space with blank name", "POST", "/v1/spaces", As.OWNER, "{\"name\":\"   \"}", 400),
        bad("space name too long", "POST", "/v1/spaces", As.OWNER, "{\"name\":\"" + "n".repeat(1001) + "\"}", 400),
        bad("update without isPublic", "PUT", "/v1/spaces/{space}", As.OWNER, "{\"name\":\"s\"}", 400),
        bad("update without name", "PUT", "/v1/spaces/{space}", As.OWNER, "{\"isPublic\":true}", 400),
        bad("room without name", "POST", "/v1/spaces/{space}/rooms", As.OWNER, "{\"type\":\"lesson\"}", 400),
        bad("room update to an empty name", "PUT", "/v1/spaces/{space}/rooms/{room}", As.OWNER, "{\"name\":\"\"}", 400),
        bad("invite without role", "POST", "/v1/spaces/{space}/invites", As.OWNER, "{}", 400),
        bad("grant without targetUserId", "POST", "/v1/spaces/{space}/rooms/{room}/roles", As.OWNER,
            "{\"role\":\"role_room_user\"}", 400),
        bad("generate-access without username", "POST", "/v1/spaces/{space}/rooms/{room}/generate-access",
            As.OWNER, "{\"role\":\"user\"}", 400),
        bad("generate-access without role", "POST", "/v1/spaces/{space}/rooms/{room}/generate-access",
            As.OWNER, "{\"username\":\"u\"}", 400),
        bad("user without password", "POST", "/v1/users", As.CLIENT,
            "{\"email\":\"" + PROBE_EMAIL + "\",\"username\":\"u\"}", 400),
        bad("user without username", "POST", "/v1/users", As.CLIENT,
            "{\"email\":\"" + PROBE_EMAIL + "\",\"password\":\"p\"}", 400),
        bad("user with a malformed email", "POST", "/v1/users", As.CLIENT,
            "{\"email\":\"not-an-email\",\"password\":\"p\",\"username\":\"u\"}", 400),
        // out of the documented range [docs]; unknown enum values are accepted (ledger E2, E3)
        bad("ttl above the maximum", "POST", "/v1/spaces/{space}/rooms/{room}/generate-access", As.OWNER,
            "{\"username\":\"u\",\"role\":\"user\",\"ttl\":432001}", 400),
        // unknown ids
        bad("get unknown space", "GET", "/v1/spaces/" + UNKNOWN, As.OWNER, null, 404),
        bad("update unknown space", "PUT", "/v1/spaces/" + UNKNOWN, As.OWNER, "{\"name\":\"s\",\"isPublic\":true}", 404),
        bad("delete unknown space", "DELETE", "/v1/spaces/" + UNKNOWN, As.OWNER, null, 404),
        bad("room in unknown space", "POST", "/v1/spaces/" + UNKNOWN + "/rooms", As.OWNER, "{\"name\":\"r\"}", 404),
        bad("get unknown room", "GET", "/v1/spaces/{space}/rooms/" + UNKNOWN, As.OWNER, null, 404),
        bad("update unknown room", "PUT", "/v1/spaces/{space}/rooms/" + UNKNOWN, As.OWNER, "{\"name\":\"r\"}", 404),
        bad("delete unknown room", "DELETE", "/v1/spaces/{space}/rooms/" + UNKNOWN, As.OWNER, null, 404),
        bad("unknown alias", "GET", "/v1/spaces/room-by-alias/NoSuchRoom", As.OWNER, null, 404),
        bad("activate unknown invite", "POST", "/v1/spaces/{space}/invites/" + UNKNOWN + "/activate", As.OWNER, null, 404),
        bad("grant to unknown user", "POST", "/v1/spaces/{space}/rooms/{room}/roles", As.OWNER,
            "{\"targetUserId\":\"" + UNKNOWN + "\",\"role\":\"role_room_user\"}", 404),
        bad("generate-access in unknown room", "POST", "/v1/spaces/{space}/rooms/" + UNKNOWN + "/generate-access",
            As.OWNER, "{\"username\":\"u\",\"role\":\"user\"}", 404),
        bad("unknown route", "GET", "/v1/no-such-thing", As.OWNER, null, 404),
        bad("method not allowed", "PATCH", "/v1/spaces/{space}", As.OWNER, "{\"name\":\"s\"}", 405),
        // absent, bad or wrong-kind tokens
        bad("no token", "POST", "/v1/spaces", As.NOBODY, "{\"name\":\"s\"}", 401),
        bad("garbled token", "POST", "/v1/spaces", As.GARBLED, "{\"name\":\"s\"}", 401),
        bad("no token on createUser", "POST", "/v1/users", As.NOBODY,
            "{\"email\":\"" + PROBE_EMAIL + "\",\"password\":\"p\",\"username\":\"u\"}", 401),
        bad("client token creating a space", "POST", "/v1/spaces", As.CLIENT, "{\"name\":\"s\"}", 403),
        bad("client token updating a space", "PUT", "/v1/spaces/{space}", As.CLIENT,
            "{\"name\":\"s2\",\"isPublic\":false}", 403),
        bad("client token deleting a room", "DELETE", "/v1/spaces/{space}/rooms/{room}", As.CLIENT, null, 403),
        bad("client token generating access", "POST", "/v1/spaces/{space}/rooms/{room}/generate-access",
            As.CLIENT, "{\"username\":\"u\",\"role\":\"user\"}", 403),
        bad("client token activating an invite", "POST", "/v1/spaces/{space}/invites/{invite}/activate",
            As.CLIENT, null, 403),
        // oversize
        bad("oversize body", "POST", "/v1/spaces", As.OWNER, OVERSIZE, 413),
        bad("oversize body on update", "PUT", "/v1/spaces/{space}", As.OWNER, OVERSIZE, 413),
        bad("oversize body on createUser", "POST", "/v1/users", As.CLIENT, OVERSIZE, 413));
  }

  @ParameterizedTest(name = "{0} -> {5}")
  @MethodSource("badRequests")
  void aBadRequestGetsItsStatusAndAJsonErrorAndChangesNothing(String name, String method, String path, As as,
                                                              String body, int status, TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String invite = t.invite(owner, room.spaceId(), "role_space_moderator");
    t.generateAccess(owner, room, Map.of("username", "u", "role", "user")).then().statusCode(200);
    Map<String, String> ids = Map.of("{space}", room.spaceId(), "{room}", room.id(), "{invite}", invite,
        "{user}", t.owner().id());
    List<String> before = snapshot(t, room);

    RequestSpecification request = sender(t, as);
    if (body != null) {
      request.body(fill(body, ids));
    }
    request.request(method, fill(path, ids)).then().spec(apiError(status));

    assertEquals(before, snapshot(t, room), "stored state after the failed request");
    t.activate(t.newUser("late").accessToken(), room.spaceId(), invite).then().statusCode(200);
  }

  /** curl's {@code -d} labels a body as a form; one that is not even a valid form is still a 400. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v1/spaces", "/v1/users"})
  void anUndecodableFormBodyIs400(String path, TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    List<String> before = snapshot(t, room);

    t.as(owner).contentType(ContentType.URLENC).body("name=%%%").post(path).then().spec(apiError(400));

    assertEquals(before, snapshot(t, room));
  }

  /** What a user could observe of the tenant's stored data, as the space's owner sees it. */
  private static List<String> snapshot(TestTenant t, TestRoom room) {
    String owner = t.owner().accessToken();
    return List.of(
        t.as(owner).get("/v1/spaces").then().statusCode(200).extract().asString(),
        t.as(owner).get("/v1/spaces/{s}/rooms", room.spaceId()).then().statusCode(200).extract().asString(),
        t.as(owner).get("/v1/users/me").then().statusCode(200).extract().asString(),
        t.control().get("/links").then().statusCode(200).extract().asString(),
        t.control().get("/personal-tokens").then().statusCode(200).extract().asString(),
        "probe login: " + t.token(Map.of("grant_type", "password", "username", PROBE_EMAIL, "password", "p"))
            .statusCode());
  }

  private static RequestSpecification sender(TestTenant t, As as) {
    return switch (as) {
      case OWNER -> t.as(t.owner().accessToken());
      case CLIENT -> t.as(t.clientToken());
      case NOBODY -> t.anonymous();
      case GARBLED -> t.as("eyJhbGciOiJIUzI1NiJ9.garbled.x");
    };
  }

  private static String fill(String template, Map<String, String> ids) {
    String out = template;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      out = out.replace(id.getKey(), id.getValue());
    }
    return out;
  }

  private static Arguments bad(String name, String method, String path, As as, String body, int status) {
    return Arguments.of(name, method, path, as, body, status);
  }
}
