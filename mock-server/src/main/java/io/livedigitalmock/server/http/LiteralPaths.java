package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.common.ApiError;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * A request reaches the area its path names as sent. Vert.x routes by the normalized path: it removes
 * dot segments, merges slashes and decodes escaped unreserved characters, so {@code /v1/../_mock/reset},
 * {@code /v1/%2e%2e/_mock/reset}, {@code //_mock/reset} and {@code /%5fmock/reset} would all reach the
 * control plane, past a proxy that forwards {@code /v1} only or blocks {@code /_mock}. Here a path with
 * a dot segment or a backslash, escaped or not, is a 400; a path that routes to {@code /_mock} but was
 * not sent as {@code /_mock/...} is not found. No client sends either: URL libraries remove dot
 * segments before sending.
 */
public final class LiteralPaths {

  private LiteralPaths() {
  }

  /** On every request, after {@link MalformedRequests#check} (which makes sure the path decodes): throws to refuse it. */
  public static void check(RoutingContext ctx) {
    String sent = ctx.request().path();
    sent = sent == null ? "" : sent;
    // without an escape there is nothing to decode ('+' would turn into a space, which changes nothing here)
    String decoded = sent.indexOf('%') < 0 ? sent : QueryStringDecoder.decodeComponent(sent, StandardCharsets.UTF_8);
    if (decoded.indexOf('\\') >= 0) {
      throw ApiError.badRequest("A path must not contain a backslash");
    }
    if (hasDotSegment(decoded)) {
      throw ApiError.badRequest("A path must not contain . or .. segments");
    }
    String routed = ctx.normalizedPath();
    if (isControlPlane(routed) && !sent.startsWith("/_mock/")) {
      throw ApiError.notFound("Route");
    }
  }

  /** True for a normalized path of the control plane: {@code /_mock} and everything under it. */
  public static boolean isControlPlane(String normalizedPath) {
    return normalizedPath.equals("/_mock") || normalizedPath.startsWith("/_mock/");
  }

  /** True if a segment between slashes (or the ends) is {@code .} or {@code ..}. */
  private static boolean hasDotSegment(String path) {
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        int length = i - start;
        if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(i - 1) == '.') {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }
}
