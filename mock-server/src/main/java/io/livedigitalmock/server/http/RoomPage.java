package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.Room;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The room page that access links point at ({@code edu.livedigital.space/room/<alias>} in reality),
 * served by the mock so that generated links work end to end, also inside an integrator's iframe.
 *
 * <p>A browser (asking for {@code text/html}) gets a page that checks the link and shows the room and
 * who is in it, with a Join button; joining uses a one-time link up and brings its holder in, as the
 * API does (calls, recordings, webhooks); Leave leaves, tells the embedding page
 * ({@code ld_finish_call}) and follows the room's redirectUrl. A registered user may open it with their
 * own token as {@code accessToken} or {@code refreshToken}, as the guide's iframe sample does.
 *
 * <p>Anything else (tests, scripts) gets JSON, and opening the page joins at once, as it always did.
 */
final class RoomPage {

  private final TenantRegistry registry;

  RoomPage(TenantRegistry registry) {
    this.registry = registry;
  }

  void mount(Router router) {
    router.get("/room/:alias").handler(page(this::open));
    router.post("/room/:alias/join").handler(page(this::join));
    router.get("/room/:alias/call").handler(page(this::call));
    router.post("/room/:alias/leave").handler(page(this::leave));
    router.get("/room/:alias/left").handler(page(this::left));
  }

  private void open(RoutingContext ctx) {
    String accessToken = ctx.queryParams().get("accessToken");
    String refreshToken = ctx.queryParams().get("refreshToken");
    String token = accessToken != null ? accessToken : refreshToken;
    if (token == null || token.isBlank()) {
      throw ApiError.unauthorized("The room page needs an accessToken or refreshToken");
    }
    if (!wantsHtml(ctx)) {
      openAndJoin(ctx, token);
      return;
    }
    RoomVisitor visitor = RoomVisitor.entering(registry, token, ctx.pathParam("alias"),
        ctx.queryParams().get("participantName"));
    RoomSession.keep(ctx, accessToken != null ? "accessToken" : "refreshToken", token, visitor.room().alias());
    String roomId = visitor.room().id();
    var backend = visitor.backend();
    send(ctx, 200, RoomPageView.entry(visitor, backend.participants().inRoom(roomId),
        backend.participants().activeCall(roomId), backend.recordings().active(roomId)));
  }

  /**
   * Form: {@code session}, the fingerprint of the token the page was shown for; for a registered user
   * the {@code participantName} of the page's URL.
   */
  private void join(RoutingContext ctx) {
    String session = ctx.request().getFormAttribute("session");
    List<String> tokens = RoomSession.tokens(ctx);
    String token = tokens.stream().filter(t -> RoomSession.tag(t).equals(session)).findFirst().orElse(null);
    if (token == null) {
      throw tokens.isEmpty() ? noCookie()
          : new ApiError(ApiError.Status.CONFLICT, "Since this page was shown, this browser opened another link to"
              + " this room, and the room page keeps one session per browser. Open each person's link in its own"
              + " browser profile or private window.");
    }
    RoomVisitor visitor = RoomVisitor.entering(registry, token, ctx.pathParam("alias"),
        ctx.request().getFormAttribute("participantName"));
    Participant joined = visitor.join();
    seeOther(ctx, "/room/" + visitor.room().alias() + "/call?participantId=" + joined.id());
  }

  /** In the call: the page, or for the page's own refresh ({@code Accept: application/json}) its state. */
  private void call(RoutingContext ctx) {
    String participantId = ctx.queryParams().get("participantId");
    RoomVisitor visitor = owner(ctx, participantId);
    Participant me = visitor.own(participantId);
    var backend = visitor.backend();
    String roomId = visitor.room().id();
    List<Participant> inRoom = backend.participants().inRoom(roomId);
    Call call = backend.participants().activeCall(roomId);
    Recording recording = backend.recordings().active(roomId);
    String state = String.join(",", inRoom.stream().map(Participant::id).toList())
        + "|" + (recording == null ? "" : recording.id());
    if (!wantsHtml(ctx)) {
      Responses.ok(ctx, new JsonObject().put("inRoom", me.isInRoom()).put("state", state));
    } else if (!me.isInRoom()) {
      seeOther(ctx, "/room/" + visitor.room().alias() + "/left?participantId=" + me.id());
    } else {
      send(ctx, 200, RoomPageView.inCall(visitor, me, inRoom, call, recording, state));
    }
  }

  /** Form: {@code participantId}. Leaving twice (another tab, the call ended meanwhile) is no error here. */
  private void leave(RoutingContext ctx) {
    String participantId = ctx.request().getFormAttribute("participantId");
    RoomVisitor visitor = owner(ctx, participantId);
    Participant me = visitor.own(participantId);
    if (me.isInRoom()) {
      visitor.backend().participants().leave(me.id());
    }
    seeOther(ctx, "/room/" + visitor.room().alias() + "/left?participantId=" + me.id());
  }

  /** After leaving; names no token (the call may have ended with the visitor's session long gone). */
  private void left(RoutingContext ctx) {
    String participantId = ctx.queryParams().get("participantId");
    if (participantId == null || participantId.isBlank()) {
      throw ApiError.badRequest("participantId must not be empty");
    }
    var backend = registry.byParticipantId(participantId).backend();
    Room room = backend.rooms().byAlias(ctx.pathParam("alias"));
    if (!backend.participants().get(participantId).roomId().equals(room.id())) {
      throw ApiError.notFound("Participant");
    }
    send(ctx, 200, RoomPageView.left(room));
  }

  /**
   * The visitor whose cookie names the participant's holder (a browser may keep both cookies); the
   * first one's refusal if none does.
   */
  private RoomVisitor owner(RoutingContext ctx, String participantId) {
    List<String> tokens = RoomSession.tokens(ctx);
    if (tokens.isEmpty()) {
      throw noCookie();
    }
    ApiError first = null;
    for (String token : tokens) {
      try {
        RoomVisitor visitor = RoomVisitor.returning(registry, token, ctx.pathParam("alias"));
        visitor.own(participantId);
        return visitor;
      } catch (ApiError e) {
        first = first == null ? e : first;
      }
    }
    throw first;
  }

  /** The guide's FAQ on "Unauthorized" when a student joins: the browser did not keep the cookie. */
  private static ApiError noCookie() {
    return ApiError.unauthorized("The browser sent no room session cookie. It may block cookies (third-party"
        + " cookies, inside an iframe: allow them for this site, as livedigital's FAQ advises), or the page was"
        + " opened over plain http on a host other than localhost, where browsers drop Secure cookies.");
  }

  /** The JSON room page of old: opening it joins a link's holder at once, and answers who a user is. */
  private void openAndJoin(RoutingContext ctx, String token) {
    RoomVisitor visitor = RoomVisitor.entering(registry, token, ctx.pathParam("alias"),
        ctx.queryParams().get("participantName"));
    JsonObject answer = new JsonObject();
    AccessLink link = visitor.link();
    if (link != null) {
      Participant joined = visitor.join();
      answer.put("linkId", link.id()).put("participantName", link.username()).put("role", link.role().wire())
          .put("externalUserId", link.externalUserId())
          .put("participantId", joined.id()).put("callId", joined.callId());
    } else {
      answer.put("participantName", visitor.name()).put("userId", visitor.caller().userId());
    }
    Room room = visitor.room();
    answer.put("room", new JsonObject().put("id", room.id()).put("alias", room.alias())
        .put("name", room.name()).put("spaceId", room.spaceId()));
    Responses.ok(ctx, answer);
  }

  private static boolean wantsHtml(RoutingContext ctx) {
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("text/html");
  }

  /**
   * A page handler whose refusals a browser sees as a page with the same status; JSON clients get the
   * API's JSON errors. Page form posts always get pages.
   */
  private static Handler<RoutingContext> page(Handler<RoutingContext> handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (ApiError e) {
        boolean browser = wantsHtml(ctx) || ctx.request().method().name().equals("POST");
        if (!browser) {
          throw e;
        }
        send(ctx, e.status().code, RoomPageView.error(e.status().code, e.getMessage()));
      }
    };
  }

  /**
   * Framing: the page lives in the integrator's iframe on any site, so no {@code X-Frame-Options} and
   * {@code frame-ancestors *}; never cached (the first page's URL holds a token), and no referrer out.
   */
  private static void send(RoutingContext ctx, int status, String html) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "frame-ancestors *")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("Referrer-Policy", "no-referrer")
        .end(html);
  }

  /** Post/redirect/get: 303 to a page of this room. */
  private static void seeOther(RoutingContext ctx, String path) {
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, path)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
  }
}
