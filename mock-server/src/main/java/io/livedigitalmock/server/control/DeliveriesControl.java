package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.webhooks.DeliveryFilter;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.livedigitalmock.server.domain.webhooks.Webhook;
import io.livedigitalmock.server.http.RequestBody;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.webhooks.DeliveryQueueFull;
import io.livedigitalmock.server.webhooks.WebhookDispatcher;
import io.livedigitalmock.server.webhooks.WebhookFaults;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook delivery log: every attempt, newest last, filterable; a long-poll for "the next attempt
 * matching X" so tests wait without sleeping; and test events with a body of the caller's choosing,
 * delivered, signed, retried and logged like real ones.
 */
final class DeliveriesControl {

  private final TenantRegistry registry;
  private final WebhookFaults dispatcher;

  DeliveriesControl(TenantRegistry registry, WebhookFaults dispatcher) {
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
    var items = journal.list(filter(ctx), LongPoll.after(ctx));
    JsonObject page = Responses.page(items, Views::delivery);
    Responses.ok(ctx, page.put("lastSeq", last));
  }

  /**
   * Answers the first attempt after {@code after} (default: the start) that matches the filter, as
   * soon as there is one; 404 after {@code timeoutMs} without one.
   */
  private void next(RoutingContext ctx) {
    long waitMillis = LongPoll.waitMillis(ctx);
    LongPoll.answer(ctx, registry.deliveries().next(filter(ctx), LongPoll.after(ctx)), waitMillis, "delivery",
        Views::delivery);
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
    WebhookDispatcher.Outgoing outgoing = new WebhookDispatcher.Outgoing(deliveryId, tenant.clientId(),
        eventName instanceof String s ? s : "test", spaceId,
        body.get("roomId") instanceof String s ? s : null,
        body.get("recordId") instanceof String s ? s : null, hook.url(), hook.secret(), body,
        tenant.backend()::isRetired);
    try {
      dispatcher.requireRoomFor(outgoing);
      dispatcher.deliver(outgoing);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    } catch (DeliveryQueueFull e) {
      throw new ApiError(ApiError.Status.TOO_MANY_REQUESTS, e.getMessage());
    }
    Responses.json(ctx, 202, new JsonObject().put("deliveryId", deliveryId));
  }

  private static DeliveryFilter filter(RoutingContext ctx) {
    var q = ctx.queryParams();
    return new DeliveryFilter(q.get("clientId"), q.get("eventName"), q.get("spaceId"), q.get("roomId"),
        q.get("recordId"), q.get("outcome"));
  }
}
