package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.journal.RecordedRequest;
import io.livedigitalmock.server.journal.RequestFilter;
import io.livedigitalmock.server.journal.RequestJournal;
import io.livedigitalmock.server.journal.Secrets;
import io.livedigitalmock.server.scenarios.ScenarioReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The request journal: what each tenant's clients sent and how the mock answered, newest last;
 * filterable ({@code operation, method, path, status, knownRoute, faulted, after}), with a long-poll
 * for the next match, and clearable. Requests of no known tenant are under {@code /requests/unattributed}.
 */
final class JournalControl {

  private final TenantRegistry registry;

  JournalControl(TenantRegistry registry) {
    this.registry = registry;
  }

  private RequestJournal journal() {
    return registry.server().requests();
  }

  void mount(Router r) {
    for (String prefix : new String[] {"/tenants/:clientId/requests", "/requests/unattributed"}) {
      r.get(prefix).handler(this::list);
      r.get(prefix + "/next").handler(ctx -> {
        long waitMillis = LongPoll.waitMillis(ctx);
        LongPoll.answer(ctx, journal().next(part(ctx), filter(ctx), LongPoll.after(ctx)), waitMillis, "request",
            JournalControl::view);
      });
      r.delete(prefix).handler(ctx -> {
        journal().clear(part(ctx));
        Responses.okEmpty(ctx);
      });
    }
  }

  private void list(RoutingContext ctx) {
    String part = part(ctx);
    long last = journal().lastSeq(part);
    JsonObject page = Responses.page(journal().list(part, filter(ctx), LongPoll.after(ctx)), JournalControl::view);
    Responses.ok(ctx, page.put("lastSeq", last).put("dropped", journal().dropped(part))
        .put("maxEntries", journal().maxEntries()).put("maxBytes", journal().maxBytes()));
  }

  /** The tenant's client id (404 if none), or null for the unattributed part. */
  private String part(RoutingContext ctx) {
    String clientId = ctx.pathParam("clientId");
    return clientId == null ? null : registry.byClientId(clientId).clientId();
  }

  private static RequestFilter filter(RoutingContext ctx) {
    var q = ctx.queryParams();
    String operation = q.get("operation");
    String operationId = null;
    if (operation != null) {
      operationId = ScenarioReader.operationId(operation).orElseThrow(() -> ApiError.badRequest("no operation "
          + operation + "; one of: " + String.join(", ", ScenarioReader.operationIds())));
    }
    String status = q.get("status");
    if (status != null && !RequestFilter.validStatus(status)) {
      throw ApiError.badRequest("status must be a status such as 503 or a class such as 5xx");
    }
    return new RequestFilter(operationId, q.get("method"), q.get("path"), status, bool(ctx, "knownRoute"),
        bool(ctx, "faulted"), bool(ctx, "fromHandle"));
  }

  private static Boolean bool(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v == null) {
      return null;
    }
    if (!v.equals("true") && !v.equals("false")) {
      throw ApiError.badRequest(name + " must be true or false");
    }
    return Boolean.valueOf(v);
  }

  static JsonObject view(RecordedRequest r) {
    JsonObject headers = new JsonObject();
    for (Map.Entry<String, String> h : r.content().headers()) {
      JsonArray values = headers.getJsonArray(h.getKey());
      if (values == null) {
        values = new JsonArray();
        headers.put(h.getKey(), values);
      }
      values.add(Secrets.maskHeader(h.getKey(), h.getValue()));
    }
    return new JsonObject()
        .put("seq", r.seq())
        .put("at", Views.time(r.at()))
        .put("clientId", r.clientId())
        .put("method", r.method())
        .put("path", r.path())
        .put("query", r.query())
        .put("operation", r.operationId())
        .put("knownRoute", r.knownRoute())
        .put("status", r.status() == 0 ? null : r.status())
        .put("error", r.error())
        .put("durationMs", r.durationMicros() / 1000.0)
        .put("fault", r.fault() == null ? null
            : new JsonObject().put("ruleId", r.faultRuleId()).put("description", r.fault()))
        .put("unexplained", r.unexplained())
        .put("fromHandle", r.fromHandle())
        .put("headers", headers)
        .put("body", r.bodyText())
        .put("bodySize", r.content().bodySize())
        .put("bodyTruncated", r.bodyTruncated());
  }
}
