package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Creates data through the public {@code /v1} API, as an integration would: users with the client
 * token, everything else with the tenant user's token (so that user owns it). Maps of fields are sent
 * as they are, for the options without a shortcut here.
 */
public final class Seeding {

  /** A created room: what {@code createRoom} answers that tests use most. */
  public record Room(String id, String alias, String channelId, String spaceId, String name, String type) {
  }

  /** A space's webhook: {@code secret} signs every delivery. */
  public record Webhook(String url, String secret, boolean active) {
  }

  private final Livedigital mock;

  Seeding(Livedigital mock) {
    this.mock = mock;
  }

  /** A user of this tenant (POST /v1/users with the client token); answers its id. */
  public String createUser(String email, String password, String username) {
    ObjectNode body = JsonHttp.object().put("email", email).put("password", password).put("username", username);
    return mock.http().post("/v1/users", body, mock.clientToken()).path("id").asText();
  }

  /** A space owned by the tenant's user; answers its id. */
  public String createSpace(String name) {
    return createSpace(Map.of("name", name));
  }

  /** A space from the fields of {@code POST /v1/spaces} ({@code name*, isPublic, description, logo}). */
  public String createSpace(Map<String, ?> fields) {
    return mock.http().post("/v1/spaces", fields, mock.userToken()).path("id").asText();
  }

  /** A room in the space (type and flags: the server's defaults). */
  public Room createRoom(String spaceId, String name) {
    return createRoom(spaceId, Map.of("name", name));
  }

  /**
   * A room from the fields of {@code POST /v1/spaces/{spaceId}/rooms} ({@code name*, type: lesson|webinar,
   * isPublic, isAutoRecordingAllowed, ...}).
   */
  public Room createRoom(String spaceId, Map<String, ?> fields) {
    JsonNode r = mock.http().post("/v1/spaces/" + Paths.segment(spaceId) + "/rooms", fields, mock.userToken());
    return new Room(JsonHttp.text(r, "id"), JsonHttp.text(r, "alias"), JsonHttp.text(r, "channelId"),
        JsonHttp.text(r, "spaceId"), JsonHttp.text(r, "name"), JsonHttp.text(r, "type"));
  }

  /** The space's webhook, pointing at {@code url} (e.g. a {@link Receiver#url()}); needs a paid plan. */
  public Webhook registerWebhook(String spaceId, String url) {
    JsonNode w = mock.http().post("/v1/spaces/" + Paths.segment(spaceId) + "/webhook",
        JsonHttp.object().put("url", url), mock.userToken());
    return new Webhook(JsonHttp.text(w, "url"), JsonHttp.text(w, "secret"), w.path("isActive").asBoolean());
  }

  /** A one-time access link for a guest with role {@code user} or {@code moderator}; answers its URL. */
  public String generateAccess(String spaceId, String roomId, String username, String role) {
    return generateAccess(spaceId, roomId, Map.of("username", username, "role", role));
  }

  /**
   * An access link from the fields of {@code generate-access} ({@code username*, role*, externalUserId,
   * externalMeetingId, ttl, isPermanent, email, phone}); answers its URL.
   */
  public String generateAccess(String spaceId, String roomId, Map<String, ?> fields) {
    return mock.http().post("/v1/spaces/" + Paths.segment(spaceId) + "/rooms/" + Paths.segment(roomId)
        + "/generate-access", fields, mock.userToken()).path("url").asText();
  }
}
