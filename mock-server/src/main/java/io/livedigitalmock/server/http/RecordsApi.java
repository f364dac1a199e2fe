package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Authenticated;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * RoomRecords: GetRecords and RedirectToDownloadRoomRecord [guide]; start, stop and delete exist in
 * reality under paths that are not public, so these are the mock's [assumed].
 */
final class RecordsApi {


  void mount(OperationRoutes ops, Authentication auth) {
    ops.serve(ApiOperation.GET_RECORDS, auth.required(this::getRecords));
    ops.serve(ApiOperation.DOWNLOAD_RECORD, auth.required(this::download));
    ops.serve(ApiOperation.START_RECORD, auth.required(this::start));
    ops.serve(ApiOperation.STOP_RECORD, auth.required(this::stop));
    ops.serve(ApiOperation.DELETE_RECORD, auth.required(this::delete));
  }

  private void getRecords(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    StreamedJson.page(ctx, a.tenant().backend().recordings().list(a.caller(),
        ctx.pathParam("spaceId"), ctx.pathParam("roomId"),
        QueryParams.instant(ctx, "dateFrom", false), QueryParams.instant(ctx, "dateTo", true)),
        Views::recording);
  }

  /** The guide: "returns a text string containing the URL"; the URL is valid for 24 hours. */
  private void download(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    String url = a.tenant().backend().recordings().downloadUrl(a.caller(), ctx.pathParam("spaceId"),
        ctx.pathParam("roomId"), ctx.pathParam("recordId"), ApiRoutes.requestBase(ctx));
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
    Responses.send(ctx, io.vertx.core.buffer.Buffer.buffer(url));
  }

  private void start(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Responses.created(ctx, Views.recording(a.tenant().backend().recordings().start(a.caller(),
        ctx.pathParam("spaceId"), ctx.pathParam("roomId"))));
  }

  private void stop(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Responses.ok(ctx, Views.recording(a.tenant().backend().recordings().stop(a.caller(),
        ctx.pathParam("spaceId"), ctx.pathParam("roomId"))));
  }

  private void delete(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    a.tenant().backend().recordings().delete(a.caller(), ctx.pathParam("spaceId"), ctx.pathParam("roomId"),
        ctx.pathParam("recordId"));
    Responses.okEmpty(ctx);
  }
}
