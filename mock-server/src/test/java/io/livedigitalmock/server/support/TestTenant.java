package io.livedigitalmock.server.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tenant of its own for one test: its OAuth client, its first user (logged in), and short helpers
 * for the steps of the guide that most tests need before they get to their point.
 */
public final class TestTenant {

  private static final AtomicInteger USERS = new AtomicInteger();

  private final String baseUrl;
  private final JsonPath created;
  private final TestUser owner;

  private TestTenant(String baseUrl, JsonPath created) {
    this.baseUrl = baseUrl;
    this.created = created;
    this.owner = login(created.getString("user.id"), created.getString("user.email"),
        created.getString("user.password"));
  }

  /** {@code POST /_mock/tenants} with no body: every credential generated. */
  public static TestTenant create(String baseUrl) {
    return new TestTenant(baseUrl, given().baseUri(baseUrl).post("/_mock/tenants")
        .then().statusCode(201).extract().jsonPath());
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String clientId() {
    return created.getString("clientId");
  }

  public String clientSecret() {
    return created.getString("clientSecret");
  }

  /** The id the tenant's tokens carry as {@code cId}. */
  public String clientObjectId() {
    return created.getString("clientObjectId");
  }

  /** The user the tenant was born with, logged in. */
  public TestUser owner() {
    return owner;
  }

  /** A request to this server with no token. */
  public RequestSpecification anonymous() {
    return given().baseUri(baseUrl).contentType(ContentType.JSON);
  }

  /** A request with {@code Authorization: Bearer <token>}. */
  public RequestSpecification as(String token) {
    return anonymous().header("Authorization", "Bearer " + token);
  }

  /** A request to this tenant's part of the control plane, {@code /_mock/tenants/{clientId}}. */
  public RequestSpecification control() {
    return anonymous().basePath("/_mock/tenants/" + clientId());
  }

  /** {@code POST /v1/auth/token} with this tenant's client credentials plus {@code params}. */
  public Response token(Map<String, ?> params) {
    Map<String, Object> body = new java.util.HashMap<>(params);
    body.put("client_id", clientId());
    body.put("client_secret", clientSecret());
    return anonymous().body(body).post("/v1/auth/token");
  }

  public String clientToken() {
    return token(Map.of("grant_type", "client_credentials"))
        .then().statusCode(200).extract().path("access_token");
  }

  /** The password grant, the email as {@code username} [guide FAQ]. */
  public TestUser login(String id, String email, String password) {
    JsonPath pair = token(Map.of("grant_type", "password", "username", email, "password", password))
        .then().statusCode(200).extract().jsonPath();
    return new TestUser(id, email, password, pair.getString("access_token"), pair.getString("refresh_token"));
  }

  /** createUser with the client token, then the password grant. */
  public TestUser newUser(String name) {
    String email = name + "-" + USERS.incrementAndGet() + "@example.com";
    String id = as(clientToken())
        .body(Map.of("email", email, "password", "pw-" + name, "username", name))
        .post("/v1/users").then().statusCode(201).extract().path("id");
    return login(id, email, "pw-" + name);
  }

  public String createSpace(String token, boolean isPublic) {
    return as(token).body(Map.of("name", "space", "isPublic", isPublic))
        .post("/v1/spaces").then().statusCode(201).extract().path("id");
  }

  public TestRoom createRoom(String token, String spaceId, boolean isPublic) {
    JsonPath room = as(token).body(Map.of("name", "room", "isPublic", isPublic, "type", "lesson"))
        .post("/v1/spaces/{s}/rooms", spaceId).then().statusCode(201).extract().jsonPath();
    return new TestRoom(spaceId, room.getString("id"), room.getString("alias"), room.getString("channelId"));
  }

  public String invite(String token, String spaceId, String role) {
    return as(token).body(Map.of("role", role))
        .post("/v1/spaces/{s}/invites", spaceId).then().statusCode(201).extract().path("id");
  }

  public Response activate(String token, String spaceId, String inviteId) {
    return as(token).post("/v1/spaces/{s}/invites/{i}/activate", spaceId, inviteId);
  }

  /** Invites {@code user} into the space with {@code role} and activates the invite as them. */
  public void join(String managerToken, String spaceId, TestUser user, String role) {
    activate(user.accessToken(), spaceId, invite(managerToken, spaceId, role)).then().statusCode(200);
  }

  public Response grantRole(String token, TestRoom room, String targetUserId, String role) {
    return as(token).body(Map.of("targetUserId", targetUserId, "role", role))
        .post("/v1/spaces/{s}/rooms/{r}/roles", room.spaceId(), room.id());
  }

  public Response generateAccess(String token, TestRoom room, Map<String, ?> body) {
    return as(token).body(body).post("/v1/spaces/{s}/rooms/{r}/generate-access", room.spaceId(), room.id());
  }

  /** Moves this tenant's clock forward; answers the tenant's new time. */
  public Instant advanceClock(long seconds) {
    return Instant.parse(control().body(Map.of("advanceSeconds", seconds)).post("/clock")
        .then().statusCode(200).extract().<String>path("now"));
  }

  public Instant now() {
    return Instant.parse(control().get("/clock").then().statusCode(200).extract().<String>path("now"));
  }
}
