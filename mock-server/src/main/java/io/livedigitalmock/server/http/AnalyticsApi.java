package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.livedigitalmock.server.domain.calls.CallReport;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** SpaceAnalytics: analyticsCalls and getRoomAnalyticsReport [guide]; storeExternalUserMeta [docs, path assumed]. */
final class AnalyticsApi {

  private static final Logger LOG = Logger.getLogger(AnalyticsApi.class.getName());
  private static final int XLSX_WRITERS = 1;

  private WorkerExecutor xlsxWriters;

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
    // a call of 90,000 takes over a second to write: not on the event loop, which serves everyone else;
    // a long one goes out as it is made, as long JSON answers do (StreamedJson); an armed body fault needs it whole
    WorkerExecutor writers = xlsxWriters(ctx);
    if (StreamedJson.isWhole(ctx, report.rows().size())) {
      writers.executeBlocking(() -> ReportXlsx.write(report), false)
          .onSuccess(xlsx -> Responses.send(ctx, Buffer.buffer(xlsx)))
          .onFailure(ctx::fail);
      return;
    }
    ResponseBodyStream.send(ctx, writing -> writers.executeBlocking(writing, false), out -> ReportXlsx.write(report, out))
        .onFailure(failed -> {
          if (!(failed instanceof java.io.UncheckedIOException)) {   // not the client gone or stalled (ResponseBodyStream)
            LOG.log(Level.WARNING, "could not write the XLSX report of call " + report.call().id(), failed);
          }
        });
  }

  /**
   * The threads that write XLSX reports: {@value #XLSX_WRITERS}, whichever event loop asked. Compressing
   * one holds off the garbage collector in short bursts (java.util.zip's native code pins its arrays), and
   * on JDK 17 eight at once starved other threads' allocations into an OutOfMemoryError with half the
   * heap free ("Retried waiting for GCLocker too often"); more reports wait their turn instead.
   */
  private WorkerExecutor xlsxWriters(RoutingContext ctx) {
    if (xlsxWriters == null) {   // this router's event loop only
      xlsxWriters = ctx.vertx().createSharedWorkerExecutor("ldmock-xlsx-reports", XLSX_WRITERS);
    }
    return xlsxWriters;
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
