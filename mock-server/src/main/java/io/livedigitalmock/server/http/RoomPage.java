package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.AccessLink;
import io.livedigitalmock.server.domain.ApiError;
import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.Participant;
import io.livedigitalmock.server.domain.Room;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.TokenClaims;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The room page that access links point at ({@code edu.livedigital.space/room/<alias>} in reality),
 * served by the mock so that generated links work end to end. Opening it with a link's
 * {@code accessToken} uses the link (once, unless permanent) and brings its holder into the room as a
 * participant, as the real page would after its join form; a registered user may open it with
 * their own token as {@code accessToken} or {@code refreshToken}, as the iframe embedding does.
 * Browsers get a small HTML page, everything else JSON.
 */
final class RoomPage {

  private final TenantRegistry registry;

  RoomPage(TenantRegistry registry) {
    this.registry = registry;
  }

  void mount(Router router) {
    router.get("/room/:alias").handler(this::open);
  }

  private void open(RoutingContext ctx) {
    String alias = ctx.pathParam("alias");
    String accessToken = ctx.queryParams().get("accessToken");
    String refreshToken = ctx.queryParams().get("refreshToken");
    String token = accessToken != null ? accessToken : refreshToken;
    if (token == null || token.isBlank()) {
      throw ApiError.unauthorized("The room page needs an accessToken or refreshToken");
    }
    TokenClaims claims = registry.decode(token);
    var tenant = registry.tenantOf(claims);
    var backend = tenant.backend();
    JsonObject answer = new JsonObject();
    Room room;
    if (accessToken != null && backend.links().isLinkToken(claims.tokenId())) {
      Participant joined = backend.participants().joinByLink(claims.tokenId(), alias);
      AccessLink link = backend.links().get(joined.linkId());
      room = backend.rooms().byAlias(alias);
      answer.put("linkId", link.id()).put("participantName", link.username()).put("role", link.role().wire())
          .put("externalUserId", link.externalUserId())
          .put("participantId", joined.id()).put("callId", joined.callId());
    } else {
      Authenticated who = new Authenticated(tenant, backend.tokens().authenticateSession(claims));
      room = backend.rooms().enterable(who.caller(), alias);
      String name = ctx.queryParams().get("participantName");
      answer.put("participantName", name != null ? name : backend.users().get(who.caller().userId()).username())
          .put("userId", who.caller().userId());
    }
    answer.put("room", new JsonObject().put("id", room.id()).put("alias", room.alias())
        .put("name", room.name()).put("spaceId", room.spaceId()));
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains("text/html")) {
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
          .end(html(answer));
    } else {
      Responses.ok(ctx, answer);
    }
  }

  private static String html(JsonObject answer) {
    String room = escape(answer.getJsonObject("room").getString("name"));
    String who = escape(answer.getString("participantName"));
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + room
        + " · livedigital-mock</title></head><body><h1>" + room + "</h1><p>" + who
        + " is in the room (livedigital-mock).</p></body></html>";
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
