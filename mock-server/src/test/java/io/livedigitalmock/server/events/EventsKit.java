package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.ContractCheck;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the live-events tests share: an in-process mock on a free loopback port, a plain JDK HTTP
 * client for the API and the control plane, and a fresh tenant per test with helpers for the few
 * steps every test takes (space, room, webhook, joins, the clock, the delivery journal).
 */
final class EventsKit implements BeforeAllCallback, AfterAllCallback {

  /** How long a test waits for something that should happen (a delivery, a request): bounded, generous. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final MockConfig ownConfig;
  private MockServer own;
  private String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A kit on a mock someone else started and stops. */
  EventsKit(MockServer server) {
    this.ownConfig = null;
    this.baseUrl = server.baseUrl();
  }

  /**
   * For {@code @RegisterExtension static final EventsKit kit = new EventsKit();}: the test class gets a
   * mock of its own, started before its tests and stopped after them.
   */
  EventsKit() {
    this(config(Duration.ofMillis(500)));
  }

  EventsKit(MockConfig config) {
    this.ownConfig = config;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    own = MockServer.start(ownConfig);
    baseUrl = own.baseUrl();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    own.close();
  }

  /** The mock as the brief starts it: retries 100 ms apart; each attempt may take {@code webhookTimeout}. */
  static MockServer startMock(Duration webhookTimeout) {
    return MockServer.start(config(webhookTimeout));
  }

  private static MockConfig config(Duration webhookTimeout) {
    return MockConfig.defaults().withPort(0).withSeed(7)
        .withWebhookRetryInterval(Duration.ofMillis(100)).withWebhookTimeout(webhookTimeout);
  }

  static MockServer startMock() {
    return startMock(Duration.ofMillis(500));
  }

  String baseUrl() {
    return baseUrl;
  }

  /** An HTTP answer, read whole. */
  record Resp(int status, byte[] bytes, java.net.http.HttpHeaders headers, long nanos) {

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return new JsonObject(text());
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The JSON body, after checking the status (the body is in the failure message). */
    JsonObject expect(int expected) {
      assertEquals(expected, status, () -> "unexpected status; body: " + text());
      return bytes.length == 0 ? new JsonObject() : json();
    }

    /** The body as text, after checking for a 200. */
    String expect200Text() {
      assertEquals(200, status, () -> "unexpected status; body: " + text());
      return text().trim();
    }

    long millis() {
      return nanos / 1_000_000;
    }
  }

  /** Any request; {@code pathOrUrl} is a path on the mock or an absolute URL; {@code body} null for none. */
  Resp send(String method, String pathOrUrl, String token, JsonObject body) {
    URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (uri.toString().startsWith(baseUrl)) {
        ContractCheck.verify(response);
      }
      return new Resp(response.statusCode(), response.body(), response.headers(), System.nanoTime() - started);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(method + " " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  Resp get(String path, String token) {
    return send("GET", path, token, null);
  }

  Resp post(String path, String token, JsonObject body) {
    return send("POST", path, token, body == null ? new JsonObject() : body);
  }

  Resp put(String path, String token, JsonObject body) {
    return send("PUT", path, token, body == null ? new JsonObject() : body);
  }

  Resp delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  /** {@code k1=v1&k2=v2...}, URL-encoded; pairs with a null value are left out. */
  static String query(String... keysAndValues) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        parts.add(keysAndValues[i] + "=" + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
      }
    }
    return String.join("&", parts);
  }

  /**
   * The event body inside a payload the mock sent, byte for byte: the envelope is
   * {@code {"signature":"<hex>","body":<body>}}, so it is what follows {@code ,"body":} up to the last brace.
   */
  static String sentBody(String envelope) {
    String marker = ",\"body\":";
    return envelope.substring(envelope.indexOf(marker) + marker.length(), envelope.length() - 1);
  }

  /** The guide's signature, computed independently: lowercase hex HMAC-SHA256 of the UTF-8 text. */
  static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new isolated tenant ({@code POST /_mock/tenants}) and its user's token. */
  Tenant newTenant() {
    JsonObject t = post("/_mock/tenants", null, new JsonObject()).expect(201);
    JsonObject user = t.getJsonObject("user");
    return new Tenant(t.getString("clientId"), t.getString("clientSecret"), user.getString("id"),
        user.getString("email"), user.getString("password"));
  }

  /** Someone with a user token in a tenant. */
  record Member(String userId, String email, String token) {
  }

  /** One tenant: its owner user (who owns the spaces it creates) and helpers acting as them. */
  final class Tenant {

    final String clientId;
    final String clientSecret;
    final String userId;
    final String token;

    private Tenant(String clientId, String clientSecret, String userId, String email, String password) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.userId = userId;
      this.token = userToken(email, password);
    }

    String userToken(String email, String password) {
      return post("/v1/auth/token", null, new JsonObject().put("client_id", clientId)
          .put("client_secret", clientSecret).put("grant_type", "password")
          .put("username", email).put("password", password)).expect(200).getString("access_token");
    }

    String clientToken() {
      return post("/v1/auth/token", null, new JsonObject().put("client_id", clientId)
          .put("client_secret", clientSecret).put("grant_type", "client_credentials"))
          .expect(200).getString("access_token");
    }

    /** Another registered user of this tenant, with no rights anywhere yet. */
    Member newUser(String username) {
      String email = username.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com";
      JsonObject user = post("/_mock/tenants/" + clientId + "/users", null, new JsonObject()
          .put("email", email).put("password", "pw-" + username).put("username", username)).expect(201);
      return new Member(user.getString("id"), email, userToken(email, "pw-" + username));
    }

    /** A new user who joined the space through an invite ({@code role_space_moderator|role_space_user}). */
    Member spaceMember(String spaceId, String role, String username) {
      Member m = newUser(username);
      String invite = post("/v1/spaces/" + spaceId + "/invites", token, new JsonObject().put("role", role))
          .expect(201).getString("id");
      post("/v1/spaces/" + spaceId + "/invites/" + invite + "/activate", m.token(), null).expect(200);
      return m;
    }

    /** Grants a room role ({@code role_room_user|role_room_moderator}) as the owner. */
    void grantRoomRole(String spaceId, String roomId, String targetUserId, String role) {
      post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/roles", token,
          new JsonObject().put("targetUserId", targetUserId).put("role", role)).expect(200);
    }

    String createSpace() {
      return post("/v1/spaces", token, new JsonObject().put("name", "Events " + clientId))
          .expect(201).getString("id");
    }

    /** A room with default settings plus {@code settings} (flags, type); answers the room. */
    JsonObject createRoom(String spaceId, JsonObject settings) {
      JsonObject body = new JsonObject().put("name", "Room").mergeIn(settings == null ? new JsonObject() : settings);
      return post("/v1/spaces/" + spaceId + "/rooms", token, body).expect(201);
    }

    String createRoomId(String spaceId) {
      return createRoom(spaceId, null).getString("id");
    }

    /** Creates the space's webhook; answers {@code {url, secret, isActive}}. */
    JsonObject createWebhook(String spaceId, String url) {
      return post("/v1/spaces/" + spaceId + "/webhook", token, new JsonObject().put("url", url)).expect(201);
    }

    void setPlan(String spaceId, String plan) {
      put("/_mock/spaces/" + spaceId + "/plan", null, new JsonObject().put("plan", plan)).expect(200);
    }

    /** Moves this tenant's clock forward; answers the new "now". */
    Instant advanceClock(double seconds) {
      return Instant.parse(post("/_mock/tenants/" + clientId + "/clock", null,
          new JsonObject().put("advanceSeconds", seconds)).expect(200).getString("now"));
    }

    Instant setClock(Instant to) {
      return Instant.parse(post("/_mock/tenants/" + clientId + "/clock", null,
          new JsonObject().put("now", to.toString())).expect(200).getString("now"));
    }

    Instant now() {
      return Instant.parse(get("/_mock/tenants/" + clientId + "/clock", null).expect(200).getString("now"));
    }

    /** Control plane: a simulated participant joins; answers the participant. */
    JsonObject join(String roomId, String name, String role) {
      return join(roomId, new JsonObject().put("name", name).put("role", role));
    }

    JsonObject join(String roomId, JsonObject who) {
      return post("/_mock/rooms/" + roomId + "/participants", null, who).expect(201);
    }

    JsonObject leave(String participantId) {
      return post("/_mock/participants/" + participantId + "/leave", null, null).expect(200);
    }

    JsonObject endCall(String roomId) {
      return post("/_mock/rooms/" + roomId + "/end-call", null, null).expect(200);
    }

    JsonObject roomState(String roomId) {
      return get("/_mock/rooms/" + roomId, null).expect(200);
    }

    /** The journal's highest seq so far: "deliveries after this one" means "from now on". */
    long lastSeq() {
      return get("/_mock/webhooks/deliveries?" + query("clientId", clientId), null).expect(200).getLong("lastSeq");
    }

    /** This tenant's delivery attempts matching {@code filter} (a query string), oldest first. */
    List<JsonObject> deliveries(String filter) {
      JsonArray items = get("/_mock/webhooks/deliveries?" + query("clientId", clientId) + "&" + filter, null)
          .expect(200).getJsonArray("items");
      List<JsonObject> out = new ArrayList<>();
      items.forEach(i -> out.add((JsonObject) i));
      return out;
    }

    /** Long-polls for this tenant's next attempt after {@code after} matching {@code filter}. */
    JsonObject nextDelivery(String filter, long after) {
      Resp r = get("/_mock/webhooks/deliveries/next?" + query("clientId", clientId) + "&" + filter
          + "&after=" + after + "&timeoutMs=" + WAIT.toMillis(), null);
      return r.expect(200);
    }

    /** Asserts nothing matching arrives within {@code millis} (the journal answers 404 on timeout). */
    void assertNoDelivery(String filter, long after, long millis) {
      Resp r = get("/_mock/webhooks/deliveries/next?" + query("clientId", clientId) + "&" + filter
          + "&after=" + after + "&timeoutMs=" + millis, null);
      assertEquals(404, r.status(), () -> "expected no delivery, got " + r.text());
    }
  }
}
