package io.livedigitalmock.server.http;

import io.livedigitalmock.server.faults.Effect;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The faults that spoil an answer the real handler made: {@link FaultInjection} marks the request,
 * and {@link Responses}, which writes every answer of the API, hands the body here instead of sending it.
 * <ul>
 *   <li>empty: the real status and headers, no body ({@code Content-Length: 0});</li>
 *   <li>truncated: the real {@code Content-Length}, half the body, then the connection closes;</li>
 *   <li>malformed: a complete answer whose body is the first half of the real one (JSON that does
 *       not parse).</li>
 * </ul>
 */
final class BodyFault {

  private static final String KEY = "ldmock.bodyFault";

  private BodyFault() {
  }

  static void mark(RoutingContext ctx, Effect.Kind kind) {
    ctx.put(KEY, kind);
  }

  /** Whether a rule spoils this request's answer: then it must be built whole. */
  static boolean armed(RoutingContext ctx) {
    return ctx.get(KEY) != null;
  }

  /** Sends {@code body} spoiled if the request is marked; false (nothing sent) if it is not. */
  static boolean intercept(RoutingContext ctx, Buffer body) {
    Effect.Kind kind = ctx.get(KEY);
    if (kind == null) {
      return false;
    }
    HttpServerResponse response = ctx.response();
    switch (kind) {
      case EMPTY -> response.end();
      case MALFORMED -> response.end(body.length() < 2 ? Buffer.buffer("{") : body.getBuffer(0, body.length() / 2));
      case TRUNCATED -> {
        Buffer full = body.length() < 2 ? Buffer.buffer("{}") : body;
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(full.length()));
        response.write(full.getBuffer(0, full.length() / 2))
            .onComplete(sent -> ctx.request().connection().close());
      }
      default -> throw new IllegalStateException("not a body fault: " + kind);
    }
    return true;
  }
}
