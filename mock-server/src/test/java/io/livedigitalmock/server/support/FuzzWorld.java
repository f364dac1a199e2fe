package io.livedigitalmock.server.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the fuzzer's requests name: a tenant of its own with a space, a room with someone in it and a
 * recording, an invite, a link, a personal token, a webhook to a built-in receiver; tokens of every
 * kind; and a valid body for each route, for the fuzzer to break one field of.
 */
final class FuzzWorld {

  final String clientId;
  final String clientSecret;
  final String clientObjectId;
  final String userId;
  final String ownerToken;
  final String refreshToken;
  final String spaceId;
  final String roomId;
  final String alias;
  final String participantId;
  final String recordId;
  final String inviteId;
  final String personalTokenId;
  final String linkToken;
  final String receiverId;
  final String receiverUrl;
  final List<String> tokens;

  private FuzzWorld(Http http) {
    JsonObject tenant = http.send("POST", "/_mock/tenants", "{}", null);
    clientId = tenant.getString("clientId");
    clientSecret = tenant.getString("clientSecret");
    clientObjectId = tenant.getString("clientObjectId");
    userId = tenant.getJsonObject("user").getString("id");
    JsonObject pair = http.send("POST", "/v1/auth/token", new JsonObject().put("grant_type", "password")
        .put("client_id", clientId).put("client_secret", clientSecret)
        .put("username", tenant.getJsonObject("user").getString("email"))
        .put("password", tenant.getJsonObject("user").getString("password")).encode(), null);
    ownerToken = pair.getString("access_token");
    refreshToken = pair.getString("refresh_token");
    String clientToken = http.send("POST", "/v1/auth/token", new JsonObject().put("grant_type", "client_credentials")
        .put("client_id", clientId).put("client_secret", clientSecret).encode(), null).getString("access_token");
    spaceId = http.send("POST", "/v1/spaces", "{\"name\":\"space\"}", ownerToken).getString("id");
    JsonObject room = http.send("POST", "/v1/spaces/" + spaceId + "/rooms", "{\"name\":\"room\"}", ownerToken);
    roomId = room.getString("id");
    alias = room.getString("alias");
    JsonObject receiver = http.send("POST", "/_mock/receivers", "{}", null);
    receiverId = receiver.getString("id");
    receiverUrl = receiver.getString("url");
    http.send("POST", "/v1/spaces/" + spaceId + "/webhook", new JsonObject().put("url", receiverUrl).encode(), ownerToken);
    participantId = http.send("POST", "/_mock/rooms/" + roomId + "/participants",
        "{\"name\":\"Ann\",\"role\":\"moderator\"}", null).getString("id");
    recordId = http.send("POST", "/_mock/rooms/" + roomId + "/recording/start", "{}", null).getString("id");
    inviteId = http.send("POST", "/v1/spaces/" + spaceId + "/invites", "{\"role\":\"role_space_user\"}", ownerToken)
        .getString("id");
    JsonObject personal = http.send("POST", "/_mock/tenants/" + clientId + "/personal-tokens", "{}", null);
    personalTokenId = personal.getString("id");
    String url = http.send("POST", "/v1/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access",
        "{\"username\":\"Guest\",\"role\":\"user\",\"isPermanent\":true}", ownerToken).getString("url");
    linkToken = url.substring(url.indexOf("accessToken=") + "accessToken=".length());
    tokens = List.of(ownerToken, refreshToken, clientToken, personal.getString("token"), linkToken);
  }

  /** JSON over HttpClient for setting the world up; anything but 2xx fails the run. */
  static final class Http {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Http(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    JsonObject send(String method, String path, String body, String token) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
          throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return new JsonObject(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static FuzzWorld make(Http http) {
    return new FuzzWorld(http);
  }

  /** A real id for a path parameter of this name. */
  String id(String name, SplittableRandom random) {
    return switch (name) {
      case "spaceId" -> spaceId;
      case "roomId" -> roomId;
      case "participantId" -> participantId;
      case "recordId" -> recordId;
      case "inviteId" -> inviteId;
      case "alias" -> alias;
      case "clientId" -> clientId;
      case "clientObjectId" -> clientObjectId;
      case "tokenId" -> personalTokenId;
      case "receiverId" -> receiverId;
      case "file" -> recordId + ".mp4";
      default -> "0123456789abcdef01234567";
    };
  }

  /** A valid body for the route, field by field as raw JSON; empty when it takes none. */
  Map<String, String> sample(String route, SplittableRandom random) {
    Map<String, String> b = new LinkedHashMap<>();
    String url = random.nextInt(4) == 0 ? "http://127.0.0.1:1/hook" : receiverUrl;
    if (route.endsWith("/auth/token")) {
      b.put("grant_type", q(new String[] {"client_credentials", "password", "refresh_token", "magic"}[random.nextInt(4)]));
      b.put("client_id", q(clientId));
      b.put("client_secret", q(clientSecret));
      b.put("username", q("user@example.com"));
      b.put("password", q("pw"));
      b.put("refresh_token", q(refreshToken));
    } else if (route.equals("POST /v1/users") || route.endsWith("/users")) {
      b.put("email", q("u" + random.nextInt(1_000_000) + "@example.com"));
      b.put("password", q("pw"));
      b.put("username", q("U"));
    } else if (route.equals("POST /v1/spaces") || route.equals("PUT /v1/spaces/{spaceId}")) {
      b.put("name", q("space"));
      b.put("isPublic", "true");
      b.put("description", q("d"));
    } else if (route.endsWith("/invites")) {
      b.put("role", q("role_space_user"));
    } else if (route.endsWith("/rooms") || route.endsWith("/rooms/{roomId}")) {
      b.put("name", q("room"));
      b.put("type", q("lesson"));
      b.put("isPublic", "true");
      b.put("isChatAllowed", "false");
    } else if (route.endsWith("/roles")) {
      b.put("targetUserId", q(userId));
      b.put("role", q("role_room_moderator"));
    } else if (route.endsWith("/generate-access")) {
      b.put("username", q("Guest"));
      b.put("role", q("user"));
      b.put("ttl", "60");
      b.put("isPermanent", "false");
    } else if (route.endsWith("/participants") && route.contains("/v1/")) {
      b.put("roomId", q(roomId));
      b.put("name", q("P"));
      b.put("role", q("host"));
    } else if (route.endsWith("/join") && route.contains("/v1/")) {
      b.put("participantId", q(participantId));
    } else if (route.endsWith("/webhook")) {
      b.put("url", q(url));
      b.put("isActive", "true");
    } else if (route.endsWith("/external-user-meta")) {
      b.put("externalUserId", q("ext"));
      b.put("externalMeetingId", q("m"));
      b.put("meta", "{\"grade\":9,\"ok\":true}");
    } else if (route.endsWith("/clock")) {
      b.put(random.nextBoolean() ? "advanceSeconds" : "now", random.nextBoolean() ? "60" : q("2100-01-01T00:00:00Z"));
    } else if (route.equals("POST /_mock/tenants")) {
      b.put("plan", q("basic"));
      b.put("user", "{\"email\":\"t" + random.nextInt(1_000_000) + "@example.com\"}");
    } else if (route.endsWith("/personal-tokens")) {
      b.put("userId", q(userId));
    } else if (route.endsWith("/plan")) {
      b.put("plan", q("free"));
    } else if (route.endsWith("/participants")) {
      b.put("name", q("Sim"));
      b.put("role", q("moderator"));
      b.put("externalUserId", q("ext"));
    } else if (route.endsWith("/test-event")) {
      b.put("body", "{\"eventName\":\"ping\",\"n\":1}");
    } else if (route.equals("POST /_mock/receivers")) {
      b.put("responses", "[500,200]");
      b.put("delayMs", random.nextBoolean() ? "0" : "50");
    }
    return b;
  }

  private static String q(String text) {
    return io.vertx.core.json.Json.encode(text);
  }
}
