package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.http.RequestBody;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.StreamedJson;
import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.state.StateTransfer;
import io.livedigitalmock.server.webhooks.WebhookFaults;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The emulator-only API under {@code /_mock}: what a test needs that the real service has no endpoint
 * for (Firebase's {@code /emulator/v1}, moto's {@code /moto-api}). Here: tenants, resets, the clock,
 * personal tokens and the links the mock "sent"; {@link SimulationControl} and
 * {@link DeliveriesControl} add live events and webhooks, {@link FaultsControl} scripted failures and
 * {@link JournalControl} the requests received. No authentication: it is a test tool's back
 * door.
 */
public final class ControlApi {

  private final TenantRegistry registry;
  private final WebhookFaults dispatcher;
  private final StateTransfer state;

  public ControlApi(TenantRegistry registry, WebhookFaults dispatcher) {
    this(registry, dispatcher, null);
  }

  /** {@code state}: what {@code /_mock/state} exports and imports with. */
  public ControlApi(TenantRegistry registry, WebhookFaults dispatcher, StateTransfer state) {
    this.registry = registry;
    this.dispatcher = dispatcher;
    this.state = state;
  }

  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.route().failureHandler(Responses::failure);
    for (int status : new int[] {400, 404, 405, 413, 500}) {
      r.errorHandler(status, Responses::failure);
    }
    new SimulationControl(registry).mount(r);
    new DeliveriesControl(registry, dispatcher).mount(r);
    new ReceiverControl(registry).mount(r);
    new FaultsControl(registry).mount(r);
    new JournalControl(registry).mount(r);
    new OpenApiDocuments().mount(r);
    new StateControl(state).mount(r);
    new io.livedigitalmock.server.ui.Dashboard(registry).mount(r);
    r.get("/health").handler(ctx -> Responses.ok(ctx, new JsonObject().put("status", "UP")));
    r.post("/reset").handler(this::resetAll);
    r.get("/clock").handler(ctx -> Responses.ok(ctx, clockView(registry.serverClock())));
    r.post("/clock").handler(ctx -> Responses.ok(ctx, clockView(move(registry.serverClock(), ctx))));
    r.post("/tenants").handler(this::createTenant);
    r.get("/tenants").handler(ctx -> StreamedJson.page(ctx, registry.all(), ControlApi::tenantView));
    r.get("/tenants/:clientId").handler(ctx -> Responses.ok(ctx, tenantView(tenant(ctx))));
    r.post("/tenants/:clientId/reset").handler(this::resetTenant);
    r.get("/tenants/:clientId/clock").handler(ctx ->
        Responses.ok(ctx, clockView(tenant(ctx).backend().clock())));
    r.post("/tenants/:clientId/clock").handler(ctx ->
        Responses.ok(ctx, clockView(move(tenant(ctx).backend().clock(), ctx))));
    r.post("/tenants/:clientId/users").handler(this::createUser);
    r.post("/tenants/:clientId/personal-tokens").handler(this::mintPersonalToken);
    r.get("/tenants/:clientId/personal-tokens").handler(ctx -> StreamedJson.page(ctx,
        tenant(ctx).backend().personalTokens().all(), t -> Views.personalToken(t, false)));
    r.delete("/tenants/:clientId/personal-tokens/:tokenId").handler(ctx -> Responses.ok(ctx,
        Views.personalToken(tenant(ctx).backend().personalTokens().revoke(ctx.pathParam("tokenId")), false)));
    r.get("/tenants/:clientId/links").handler(this::listLinks);
    r.put("/tenants/:clientId/spaces/:spaceId/plan").handler(this::setPlan);
    return r;
  }

  private Tenant tenant(RoutingContext ctx) {
    return registry.byClientId(ctx.pathParam("clientId"));
  }

  private void resetAll(RoutingContext ctx) {
    registry.resetAll();
    Responses.ok(ctx, new JsonObject().put("reset", "all"));
  }

  private void resetTenant(RoutingContext ctx) {
    Tenant tenant = tenant(ctx);
    tenant.reset();
    Responses.ok(ctx, tenantView(tenant));
  }

  /** Body optional: {@code clientId, clientSecret, plan, user{email,password,username}}; the rest is generated. */
  private void createTenant(RoutingContext ctx) {
    RequestBody body = RequestBody.of(ctx);
    RequestBody user = body.object("user");
    Tenant tenant = registry.create(new TenantSpec(body.string("clientId"), body.string("clientSecret"),
        user == null ? null : user.string("email"), user == null ? null : user.string("password"),
        user == null ? null : user.string("username"), body.enumValue(Plan.class, "plan")));
    Responses.created(ctx, tenantView(tenant));
  }

  private void createUser(RoutingContext ctx) {
    RequestBody body = RequestBody.of(ctx);
    User user = tenant(ctx).backend().users().register(body.requiredString("email"),
        body.requiredString("password"), body.requiredString("username"), body.string("phone"));
    Responses.created(ctx, Views.user(user));
  }

  /** Body optional: {@code userId}; defaults to the tenant's own user. */
  private void mintPersonalToken(RoutingContext ctx) {
    Tenant tenant = tenant(ctx);
    String userId = RequestBody.of(ctx).string("userId");
    Responses.created(ctx, Views.personalToken(
        tenant.backend().personalTokens().mint(userId != null ? userId : tenant.user().id()), true));
  }

  private void listLinks(RoutingContext ctx) {
    var backend = tenant(ctx).backend();
    Instant now = backend.clock().now();
    StreamedJson.page(ctx, backend.links().all(), l -> Views.link(l, now));
  }

  private void setPlan(RoutingContext ctx) {
    Plan plan = RequestBody.of(ctx).enumValue(Plan.class, "plan");
    if (plan == null) {
      throw ApiError.badRequest("plan must not be empty");
    }
    Responses.ok(ctx, Views.space(tenant(ctx).backend().spaces().setPlan(ctx.pathParam("spaceId"), plan)));
  }

  /** {@code {"advanceSeconds":N}} (fractions allowed) or {@code {"now":"<ISO-8601>"}}; forward only. */
  private static Instant move(MockClock clock, RoutingContext ctx) {
    RequestBody body = RequestBody.of(ctx);
    Double seconds = body.number("advanceSeconds");
    String to = body.string("now");
    if ((seconds == null) == (to == null)) {
      throw ApiError.badRequest("give exactly one of advanceSeconds or now");
    }
    if (seconds != null) {
      if (seconds < 0 || seconds > 1e11) {
        throw ApiError.badRequest("advanceSeconds must be between 0 and 1e11");
      }
      return clock.advance(Duration.ofMillis(Math.round(seconds * 1000)));
    }
    try {
      return clock.set(Instant.parse(to));
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("now must be an ISO-8601 instant, e.g. 2024-01-01T00:00:00.000Z");
    }
  }

  private static JsonObject clockView(Instant now) {
    return new JsonObject().put("now", Views.time(now));
  }

  private static JsonObject clockView(MockClock clock) {
    return clockView(clock.now());
  }

  static JsonObject tenantView(Tenant t) {
    User user = t.user();
    return new JsonObject()
        .put("clientId", t.clientId())
        .put("clientSecret", t.spec().clientSecret())
        .put("clientObjectId", t.clientObjectId())
        .put("plan", t.spec().plan().wire())
        .put("user", new JsonObject()
            .put("id", user.id())
            .put("email", user.email())
            .put("password", t.spec().userPassword())
            .put("username", user.username()));
  }
}
