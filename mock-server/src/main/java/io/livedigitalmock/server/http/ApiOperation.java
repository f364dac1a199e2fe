package io.livedigitalmock.server.http;

import io.vertx.core.http.HttpMethod;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Every operation of the emulated API, under the tag and operationId of the real service's Swagger
 * page where the guide names them [guide: each method links {@code /doc/#/<tag>/<operationId>}], and
 * under names of ours otherwise ({@link #namedByGuide()} false; listed in the fidelity ledger). The
 * OpenAPI document, the request journal and fault rules all speak of operations by these names.
 */
public enum ApiOperation {
  GET_ACCESS_TOKEN("Auth", "getAccessToken", HttpMethod.POST, "/v1/auth/token", true),

  CREATE_NEW_USER("Users", "createNewUser", HttpMethod.POST, "/v1/users", true),
  GET_ME("Users", "getMe", HttpMethod.GET, "/v1/users/me", false),

  CREATE_SPACE("Spaces", "createSpace", HttpMethod.POST, "/v1/spaces", true),
  LIST_SPACES("Spaces", "getSpaces", HttpMethod.GET, "/v1/spaces", false),
  GET_SPACE("Spaces", "getSpace", HttpMethod.GET, "/v1/spaces/{spaceId}", false),
  UPDATE_SPACE("Spaces", "updateSpace", HttpMethod.PUT, "/v1/spaces/{spaceId}", true),
  DELETE_SPACE("Spaces", "deleteSpace", HttpMethod.DELETE, "/v1/spaces/{spaceId}", false),

  CREATE_INVITE("SpaceInvites", "createInvite", HttpMethod.POST, "/v1/spaces/{spaceId}/invites", true),
  ACTIVATE_INVITE("SpaceInvites", "activateInvite", HttpMethod.POST,
      "/v1/spaces/{spaceId}/invites/{inviteId}/activate", true),

  GET_ROOM_BY_ALIAS("SpaceRooms", "getRoomByAlias", HttpMethod.GET, "/v1/spaces/room-by-alias/{alias}", false),
  CREATE_ROOM("SpaceRooms", "createRoom", HttpMethod.POST, "/v1/spaces/{spaceId}/rooms", true),
  LIST_ROOMS("SpaceRooms", "getRooms", HttpMethod.GET, "/v1/spaces/{spaceId}/rooms", false),
  GET_ROOM("SpaceRooms", "getRoom", HttpMethod.GET, "/v1/spaces/{spaceId}/rooms/{roomId}", false),
  UPDATE_ROOM("SpaceRooms", "updateRoom", HttpMethod.PUT, "/v1/spaces/{spaceId}/rooms/{roomId}", true),
  DELETE_ROOM("SpaceRooms", "deleteRoom", HttpMethod.DELETE, "/v1/spaces/{spaceId}/rooms/{roomId}", false),

  GRANT_ROLE("RoomRoles", "grantRoleToUserAtRoom", HttpMethod.POST,
      "/v1/spaces/{spaceId}/rooms/{roomId}/roles", true),
  GENERATE_ACCESS("RoomGenerateAccess", "roomGenerateAccess", HttpMethod.POST,
      "/v1/spaces/{spaceId}/rooms/{roomId}/generate-access", true),

  CREATE_PARTICIPANT("SpaceParticipants", "createParticipant", HttpMethod.POST,
      "/v1/spaces/{spaceId}/participants", false),
  CREATE_SIGNALING_TOKEN("SpaceParticipants", "createSignalingToken", HttpMethod.POST,
      "/v1/spaces/{spaceId}/participants/{participantId}/signaling-token", false),
  JOIN_ROOM("SpaceParticipants", "joinRoom", HttpMethod.POST, "/v1/spaces/{spaceId}/rooms/{roomId}/join", false),

  GET_RECORDS("RoomRecords", "get", HttpMethod.GET, "/v1/spaces/{spaceId}/rooms/{roomId}/records", true),
  DOWNLOAD_RECORD("RoomRecords", "RedirectToDownloadRoomRecord", HttpMethod.GET,
      "/v1/spaces/{spaceId}/rooms/{roomId}/records/download/{recordId}", true),
  START_RECORD("RoomRecords", "startRoomRecord", HttpMethod.POST,
      "/v1/spaces/{spaceId}/rooms/{roomId}/records/start", false),
  STOP_RECORD("RoomRecords", "stopRoomRecord", HttpMethod.POST,
      "/v1/spaces/{spaceId}/rooms/{roomId}/records/stop", false),
  DELETE_RECORD("RoomRecords", "deleteRoomRecord", HttpMethod.DELETE,
      "/v1/spaces/{spaceId}/rooms/{roomId}/records/{recordId}", false),

  CREATE_WEBHOOK("WebHook", "CreateWebHook", HttpMethod.POST, "/v1/spaces/{spaceId}/webhook", true),
  GET_WEBHOOK("WebHook", "GetWebHook", HttpMethod.GET, "/v1/spaces/{spaceId}/webhook", true),
  UPDATE_WEBHOOK("WebHook", "UpdateWebHook", HttpMethod.PUT, "/v1/spaces/{spaceId}/webhook", true),
  DELETE_WEBHOOK("WebHook", "DeleteWebHook", HttpMethod.DELETE, "/v1/spaces/{spaceId}/webhook", true),
  REFRESH_WEBHOOK_SECRET("WebHook", "RefreshSecretWebHook", HttpMethod.PUT,
      "/v1/spaces/{spaceId}/webhook/refresh-secret", true),

  ANALYTICS_CALLS("SpaceAnalytics", "analyticsCalls", HttpMethod.GET, "/v1/spaces/{spaceId}/analytics/calls", true),
  ANALYTICS_REPORT("SpaceAnalytics", "getRoomAnalyticsReport", HttpMethod.GET,
      "/v1/spaces/{spaceId}/analytics/report", true),
  STORE_EXTERNAL_USER_META("SpaceAnalytics", "storeExternalUserMeta", HttpMethod.POST,
      "/v1/spaces/{spaceId}/analytics/external-user-meta", false);

  private final String tag;
  private final String operationId;
  private final HttpMethod method;
  private final String path;
  private final boolean namedByGuide;
  /** The template's segments: each a literal, or null where {@link #params} names a parameter. */
  private final String[] literals;
  private final String[] params;

  ApiOperation(String tag, String operationId, HttpMethod method, String path, boolean namedByGuide) {
    this.tag = tag;
    this.operationId = operationId;
    this.method = method;
    this.path = path;
    this.namedByGuide = namedByGuide;
    this.literals = path.substring(1).split("/");
    this.params = new String[literals.length];
    for (int i = 0; i < literals.length; i++) {
      if (literals[i].startsWith("{") && literals[i].endsWith("}")) {
        params[i] = literals[i].substring(1, literals[i].length() - 1);
        literals[i] = null;
      }
    }
  }

  /** The real Swagger page's tag (group), e.g. {@code SpaceRooms}. */
  public String tag() {
    return tag;
  }

  /** The real Swagger page's operationId where the guide names it, e.g. {@code createRoom}. */
  public String operationId() {
    return operationId;
  }

  public HttpMethod method() {
    return method;
  }

  /** The path template as OpenAPI writes it: {@code /v1/spaces/{spaceId}/rooms}. */
  public String path() {
    return path;
  }

  /** True where the guide links this operation to the real Swagger page, so tag and name are the real ones. */
  public boolean namedByGuide() {
    return namedByGuide;
  }

  /** {@code POST /v1/spaces/{spaceId}/rooms}: how a person writes the operation. */
  public String signature() {
    return method.name() + " " + path;
  }

  /** How many segments the template has: {@code /v1/spaces/{spaceId}} has 3. */
  int segments() {
    return literals.length;
  }

  /**
   * Whether {@code concretePath} has the template's segments exactly: each literal as written, one
   * non-empty segment for each parameter. With {@code parameters}, tells it each parameter's name and
   * segment as sent (not decoded). Walks the path in place: routing runs this on every API request.
   */
  boolean matches(String concretePath, BiConsumer<String, String> parameters) {
    if (!concretePath.startsWith("/")) {
      return false;
    }
    int start = 1;
    for (int i = 0; i < literals.length; i++) {
      if (start > concretePath.length()) {
        return false;
      }
      int end = concretePath.indexOf('/', start);
      end = end < 0 ? concretePath.length() : end;
      String literal = literals[i];
      if (literal == null ? end == start
          : end - start != literal.length() || !concretePath.regionMatches(start, literal, 0, literal.length())) {
        return false;
      }
      if (parameters != null && params[i] != null) {
        parameters.accept(params[i], concretePath.substring(start, end));
      }
      start = end + 1;
    }
    return start == concretePath.length() + 1;
  }

  /** The operation a request would reach, by method and concrete path; empty for unknown routes. */
  public static Optional<ApiOperation> match(String method, String concretePath) {
    for (ApiOperation op : values()) {
      if (op.method.name().equalsIgnoreCase(method) && op.matches(concretePath, null)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** By operationId ({@code createRoom}) or by signature ({@code POST /v1/spaces/{spaceId}/rooms}). */
  public static Optional<ApiOperation> named(String name) {
    for (ApiOperation op : values()) {
      if (op.operationId.equals(name) || op.signature().equalsIgnoreCase(name.trim().replaceAll("\\s+", " "))) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
