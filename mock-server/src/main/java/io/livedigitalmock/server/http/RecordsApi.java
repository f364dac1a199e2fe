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
    ops.route(ApiOperation.GET_RECORDS).handler(auth::require).handler(this::getRecords);
    ops.route(ApiOperation.DOWNLOAD_RECORD).handler(auth::require).handler(this::download);
    ops.route(ApiOperation.START_RECORD).handler(auth::require).handler(this::start);
    ops.route(ApiOperation.STOP_RECORD).handler(auth::require).handler(this::stop);
    ops.route(ApiOperation.DELETE_RECORD).handler(auth::require).handler(this::delete);
  }

  private void getRecords(RoutingContext ctx) {
    Authenticated a = Authentication.of(ctx);
    Responses.ok(ctx, Responses.page(a.tenant().backend().recordings().list(a.caller(),
        ctx.pathParam("spaceId"), ctx.pathParam("roomId"),
        QueryParams.instant(ctx, "dateFrom", false), QueryParams.instant(ctx, "dateTo", true)),
        Views::recording));
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
