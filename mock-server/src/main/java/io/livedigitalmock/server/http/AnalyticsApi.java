package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.calls.CallReport;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** SpaceAnalytics: analyticsCalls and getRoomAnalyticsReport [guide]; storeExternalUserMeta [docs, path assumed]. */
final class AnalyticsApi {

  void mount(OperationRoutes ops, Authentication auth) {
    ops.serve(ApiOperation.ANALYTICS_CALLS, auth.required(this::calls));
    ops.serve(ApiOperation.ANALYTICS_REPORT, auth.required(this::report));
    ops.serve(ApiOperation.STORE_EXTERNAL_USER_META, auth.required(this::storeExternalUserMeta));
  }

  /** {@code minParticipantsCount}: the guide mentions a minimum-participants filter but not its name [assumed]. */
  private void calls(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    var calls = a.tenant().backend().analytics().calls(a.caller(), ctx.pathParam("spaceId"),
        QueryParams.required(ctx, "roomId"), QueryParams.day(ctx, "date"),
        QueryParams.integer(ctx, "minParticipantsCount", 0));
    StreamedJson.send(ctx, calls.size(), StreamedJson.parts(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("items");
    }), StreamedJson.each(calls, (g, c) -> StreamedJson.writeObject(g, Views.callStats(c))), StreamedJson.parts(g -> {
      g.writeEndArray();
      g.writeEndObject();
    }));
  }

  private void report(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    // json or xlsx [guide]; any other value gets JSON, the default [assumed, ledger E3]
    String format = "xlsx".equals(ctx.queryParams().get("format")) ? "xlsx" : "json";
    CallReport report = a.tenant().backend().analytics().report(a.caller(), ctx.pathParam("spaceId"),
        QueryParams.required(ctx, "roomId"), QueryParams.required(ctx, "callId"));
    if (format.equals("json")) {
      StreamedJson.send(ctx, report.rows().size(), StreamedJson.parts(g -> {
        g.writeStartObject();
        StreamedJson.writeFields(g, Views.reportHead(report));
        g.writeArrayFieldStart("participants");
      }), StreamedJson.each(report.rows(), (g, row) -> StreamedJson.writeObject(g, Views.reportRow(row))),
          StreamedJson.parts(g -> {
            g.writeEndArray();
            g.writeEndObject();
          }));
      return;
    }
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, ReportXlsx.CONTENT_TYPE)
        .putHeader("Content-Disposition", "attachment; filename=\"report-" + report.call().id() + ".xlsx\"");
    Responses.send(ctx, Buffer.buffer(ReportXlsx.write(report)));
  }

  /** {@code {externalUserId*, externalMeetingId, meta*}}; meta values are strings, numbers, booleans or null. */
  private void storeExternalUserMeta(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    RequestBody body = RequestBody.of(ctx);
    RequestBody meta = body.object("meta");
    if (meta == null) {
      throw ApiError.badRequest("meta must be an object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : meta.fieldNames()) {
      Object v = meta.raw(key);
      if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw ApiError.badRequest("meta." + key + " must be a string, number, boolean or null");
      }
      values.put(key, v);
    }
    a.tenant().backend().analytics().storeExternalUserMeta(a.caller(), ctx.pathParam("spaceId"),
        body.requiredString("externalUserId"), body.string("externalMeetingId"), values);
    Responses.created(ctx, new JsonObject()
        .put("externalUserId", body.string("externalUserId"))
        .put("externalMeetingId", body.string("externalMeetingId"))
        .put("meta", new JsonObject(values)));
  }
}
