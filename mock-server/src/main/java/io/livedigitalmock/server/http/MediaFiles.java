package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the files behind record download links: every finished record is the same small, real MP4.
 * The link's signature and expiry are its only credentials, as with a CDN's signed URL.
 */
final class MediaFiles {

  private final TenantRegistry registry;
  private final Buffer recording;

  MediaFiles(TenantRegistry registry, byte[] recording) {
    this.registry = registry;
    this.recording = Buffer.buffer(recording);
  }

  void mount(Router router) {
    router.get("/media/:clientObjectId/records/:file").handler(this::record);
  }

  private void record(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    if (!file.endsWith(".mp4")) {
      throw ApiError.notFound("Record");
    }
    long expires;
    try {
      expires = Long.parseLong(QueryParams.required(ctx, "expires"));
    } catch (NumberFormatException e) {
      throw ApiError.forbidden("Invalid download link");
    }
    var tenant = registry.byClientObjectId(ctx.pathParam("clientObjectId"))
        .orElseThrow(() -> ApiError.notFound("Record"));
    tenant.backend().recordings().verifyDownload(file.substring(0, file.length() - 4), expires,
        ctx.queryParams().get("signature"));
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "video/mp4")
        .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .end(recording);
  }
}
