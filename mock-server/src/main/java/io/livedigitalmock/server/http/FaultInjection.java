package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.faults.Effect;
import io.livedigitalmock.server.faults.FaultBook;
import io.livedigitalmock.server.faults.Fired;
import io.livedigitalmock.server.faults.RequestMatch;
import io.livedigitalmock.server.journal.RecordedRequest;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * Runs before every API operation (see {@link OperationRoutes}): asks the {@link FaultBook} whether a
 * rule fires on this request and, if one does, acts it out: waits (a Vert.x timer, never blocking),
 * then answers in the real handler's place, closes the connection, or lets the real handler answer
 * and spoils its body ({@link BodyFault}). Operations no rule watches cost one set look-up. Requests
 * the JUnit handle makes itself (seed data, tokens) are spared, so a scenario never breaks a test's set-up.
 */
public final class FaultInjection implements Handler<RoutingContext> {

  private static final String KEY = "ldmock.fault";
  /** On every answer a fault made or spoiled: the rule's id (as WireMock names the stub that answered). */
  public static final String HEADER = "X-Livedigital-Mock-Fault";

  private final TenantRegistry registry;
  private final FaultBook faults;

  public FaultInjection(TenantRegistry registry, FaultBook faults) {
    this.registry = registry;
    this.faults = faults;
  }

  /** The fault that fired on this request, or null. */
  static Fired of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ApiOperation op = OperationRoutes.of(ctx);
    if (!faults.targets(op.operationId())
        || ctx.request().getHeader(RecordedRequest.HANDLE_HEADER) != null) {   // a test's own set-up is spared
      ctx.next();
      return;
    }
    Tenant tenant = RequestTenant.of(ctx, registry);
    Instant serverNow = registry.serverClock().now();
    Fired fired = faults.decideRequest(tenant == null ? null : tenant.clientId(), op.operationId(), probe(ctx),
        tenant == null ? serverNow : tenant.backend().clock().now(), serverNow);
    if (fired == null) {
      ctx.next();
      return;
    }
    ctx.put(KEY, fired);
    ctx.response().putHeader(HEADER, fired.rule().id());
    if (fired.delayMillis() > 0) {
      ctx.vertx().setTimer(fired.delayMillis(), t -> {
        if (!ctx.response().closed()) {
          act(ctx, fired.effect());
        }
      });
    } else {
      act(ctx, fired.effect());
    }
  }

  private static void act(RoutingContext ctx, Effect effect) {
    switch (effect.kind()) {
      case PASS -> ctx.next();
      case RESPOND -> respond(ctx, effect);
      case EXPIRED_TOKEN -> Responses.json(ctx, 401, Responses.errorBody(401, "Unauthorized", "Token expired"));
      case RESET -> ctx.request().connection().close();
      case EMPTY, TRUNCATED, MALFORMED -> {
        BodyFault.mark(ctx, effect.kind());
        ctx.next();
      }
      default -> throw new IllegalStateException(effect.kind() + " is not an API fault");
    }
  }

  private static void respond(RoutingContext ctx, Effect e) {
    HttpServerResponse response = ctx.response().setStatusCode(e.status());
    e.headers().forEach(response::putHeader);
    if (e.body() == null) {
      Responses.json(ctx, e.status(), Responses.errorBody(e.status(), Responses.reason(e.status()),
          e.status() == 429 ? "ThrottlerException: Too Many Requests" : Responses.reason(e.status())));
      return;
    }
    if (!response.headers().contains(HttpHeaders.CONTENT_TYPE)) {
      response.putHeader(HttpHeaders.CONTENT_TYPE, e.contentType());
    }
    response.end(Buffer.buffer(e.body()));
  }

  private static RequestMatch.Probe probe(RoutingContext ctx) {
    return new RequestMatch.Probe() {
      // rules on one operation tend to ask for the same header: look it up once per request
      private String lastName;
      private List<String> lastValues;

      @Override
      public List<String> headers(String name) {
        if (!name.equals(lastName)) {
          lastValues = ctx.request().headers().contains(name) ? ctx.request().headers().getAll(name) : List.of();
          lastName = name;
        }
        return lastValues;
      }

      @Override
      public String body() {
        String text = ctx.body() == null ? null : ctx.body().asString();
        return text == null ? "" : text;
      }
    };
  }
}
