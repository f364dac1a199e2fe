package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.ApiError;
import io.livedigitalmock.server.domain.DeliveryAttempt;
import io.livedigitalmock.server.domain.DeliveryFilter;
import io.livedigitalmock.server.domain.DeliveryJournal;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.Webhook;
import io.livedigitalmock.server.http.RequestBody;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.webhooks.WebhookDispatcher;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The webhook delivery log: every attempt, newest last, filterable; a long-poll for "the next attempt
 * matching X" so tests wait without sleeping; and test events with a body of the caller's choosing,
 * delivered, signed, retried and logged like real ones.
 */
final class DeliveriesControl {

  static final long DEFAULT_WAIT_MILLIS = 5_000;
  static final long MAX_WAIT_MILLIS = 120_000;

  private final Vertx vertx;
  private final TenantRegistry registry;
  private final WebhookDispatcher dispatcher;

  DeliveriesControl(Vertx vertx, TenantRegistry registry, WebhookDispatcher dispatcher) {
    this.vertx = vertx;
    this.registry = registry;
    this.dispatcher = dispatcher;
  }

  void mount(Router r) {
    r.get("/webhooks/deliveries").handler(this::list);
    r.get("/webhooks/deliveries/next").handler(this::next);
    r.post("/spaces/:spaceId/webhook/test-event").handler(this::testEvent);
  }

  private void list(RoutingContext ctx) {
    DeliveryJournal journal = registry.deliveries();
    long last = journal.lastSeq();
    var items = journal.list(filter(ctx), after(ctx));
    JsonObject page = Responses.page(items, Views::delivery);
    Responses.ok(ctx, page.put("lastSeq", last));
  }

  /**
   * Answers the first attempt after {@code after} (default: the start) that matches the filter, as
   * soon as there is one; 404 after {@code timeoutMs} (default 5000) without one.
   */
  private void next(RoutingContext ctx) {
    String timeout = ctx.queryParams().get("timeoutMs");
    long waitMillis;
    try {
      waitMillis = timeout == null ? DEFAULT_WAIT_MILLIS : Long.parseLong(timeout);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("timeoutMs must be a whole number");
    }
    if (waitMillis < 0 || waitMillis > MAX_WAIT_MILLIS) {
      throw ApiError.badRequest("timeoutMs must be between 0 and " + MAX_WAIT_MILLIS);
    }
    CompletableFuture<DeliveryAttempt> found = registry.deliveries().next(filter(ctx), after(ctx));
    long timer = vertx.setTimer(Math.max(1, waitMillis), t -> found.cancel(false));
    ctx.request().connection().closeHandler(v -> found.cancel(false));
    found.whenComplete((attempt, error) -> ctx.vertx().runOnContext(v -> {
      vertx.cancelTimer(timer);
      if (ctx.response().ended() || ctx.response().closed()) {
        return;
      }
      if (attempt != null) {
        Responses.ok(ctx, Views.delivery(attempt));
      } else {
        ctx.fail(new ApiError(ApiError.Status.NOT_FOUND, "No matching delivery within " + waitMillis + " ms"));
      }
    }));
  }

  /** {@code {"body": {...}}}: sent to the space's webhook as is, signed with its secret. */
  private void testEvent(RoutingContext ctx) {
    String spaceId = ctx.pathParam("spaceId");
    Tenant tenant = registry.bySpaceId(spaceId);
    Webhook hook = tenant.backend().webhooks().forSpace(spaceId);
    if (!(RequestBody.parse(ctx).getValue("body") instanceof JsonObject raw)) {
      throw ApiError.badRequest("body must be an object");
    }
    Map<String, Object> body = new LinkedHashMap<>(raw.getMap());
    Object eventName = body.get("eventName");
    String deliveryId = UUID.randomUUID().toString();
    try {
      dispatcher.deliver(new WebhookDispatcher.Outgoing(deliveryId, tenant.clientId(),
          eventName instanceof String s ? s : "test", spaceId,
          body.get("roomId") instanceof String s ? s : null,
          body.get("recordId") instanceof String s ? s : null, hook.url(), hook.secret(), body));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    Responses.json(ctx, 202, new JsonObject().put("deliveryId", deliveryId));
  }

  private static DeliveryFilter filter(RoutingContext ctx) {
    var q = ctx.queryParams();
    return new DeliveryFilter(q.get("clientId"), q.get("eventName"), q.get("spaceId"), q.get("roomId"),
        q.get("recordId"), q.get("outcome"));
  }

  private static long after(RoutingContext ctx) {
    String after = ctx.queryParams().get("after");
    try {
      return after == null ? 0 : Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("after must be a whole number (a delivery seq)");
    }
  }
}
