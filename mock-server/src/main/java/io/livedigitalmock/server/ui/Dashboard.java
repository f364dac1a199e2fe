package io.livedigitalmock.server.ui;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.calls.JoinRequest;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The dashboard, {@code /_mock/ui}: what the mock holds, read from the domain in this JVM and rendered
 * on the server, so it reads without JavaScript. Its buttons are plain same-origin form POSTs that do
 * what the control plane's simulation does, then redirect back (post/redirect/get) with a notice.
 */
public final class Dashboard {

  static final String HOME = "/_mock/ui";

  private final TenantRegistry registry;

  public Dashboard(TenantRegistry registry) {
    this.registry = registry;
  }

  /** Mounts on the control plane's router (paths relative to {@code /_mock}). */
  public void mount(Router r) {
    r.get("/ui").handler(ctx -> {
      if (!ControlTokenCookie.takeFromQuery(ctx)) {
        send(ctx, OverviewPage.render(registry, notice(ctx)));
      }
    });
    r.get("/ui/tenants/:clientId").handler(ctx ->
        send(ctx, TenantPage.render(registry, registry.byClientId(ctx.pathParam("clientId")), notice(ctx))));
    r.post("/ui/rooms/:roomId/join").handler(act(this::roomTenant, ctx -> {
      String name = ctx.request().getFormAttribute("name");
      return "joined: " + roomTenant(ctx).backend().participants().simulateJoin(ctx.pathParam("roomId"),
          new JoinRequest(name, ctx.request().getFormAttribute("role"), null, null, null, null)).name();
    }));
    r.post("/ui/rooms/:roomId/end-call").handler(act(this::roomTenant, ctx ->
        "call ended: " + roomTenant(ctx).backend().participants().endCall(ctx.pathParam("roomId")).id()));
    r.post("/ui/rooms/:roomId/recording/start").handler(act(this::roomTenant, ctx ->
        "recording started: " + roomTenant(ctx).backend().recordings().start(ctx.pathParam("roomId")).id()));
    r.post("/ui/rooms/:roomId/recording/stop").handler(act(this::roomTenant, ctx ->
        "recording stopped: " + roomTenant(ctx).backend().recordings().stop(ctx.pathParam("roomId")).state().wire()));
    r.post("/ui/rooms/:roomId/recording/fail").handler(act(this::roomTenant, ctx ->
        "recording failed: " + roomTenant(ctx).backend().recordings().fail(ctx.pathParam("roomId")).id()));
    r.post("/ui/participants/:participantId/leave").handler(act(this::participantTenant, ctx ->
        "left: " + participantTenant(ctx).backend().participants().leave(ctx.pathParam("participantId")).name()));
    r.post("/ui/participants/:participantId/connect").handler(act(this::participantTenant, ctx ->
        "joined: " + participantTenant(ctx).backend().participants().connect(ctx.pathParam("participantId")).name()));
  }

  private Tenant roomTenant(RoutingContext ctx) {
    return registry.byRoomId(ctx.pathParam("roomId"));
  }

  private Tenant participantTenant(RoutingContext ctx) {
    return registry.byParticipantId(ctx.pathParam("participantId"));
  }

  /**
   * A button's action: does it, then redirects (303) to its tenant's page with what happened, or with
   * the refusal (e.g. "No active call in this room") as the notice. An unknown room or participant is
   * a 404 like anywhere on the control plane.
   */
  private static Handler<RoutingContext> act(Function<RoutingContext, Tenant> tenantOf,
                                             Function<RoutingContext, String> action) {
    return ctx -> {
      Tenant tenant = tenantOf.apply(ctx);
      String notice;
      try {
        notice = action.apply(ctx);
      } catch (ApiError refused) {
        notice = "refused (" + refused.status().code + "): " + refused.getMessage();
      }
      ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, tenantPath(tenant.clientId())
          + "?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)).end();
    };
  }

  static String tenantPath(String clientId) {
    return HOME + "/tenants/" + URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String notice(RoutingContext ctx) {
    return ctx.queryParams().get("notice");
  }

  /** Never framed by another site (its buttons act), never cached. */
  private static void send(RoutingContext ctx, String html) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", "frame-ancestors 'self'")
        .putHeader("X-Frame-Options", "SAMEORIGIN")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(html);
  }
}
