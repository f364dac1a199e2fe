package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Answers a request when a future completes, or with 404 after {@code timeoutMs} (default 5 s, at most
 * 2 min): how tests wait for "the next X" over HTTP without sleeping. A client that hangs up cancels it.
 */
final class LongPoll {

  static final long DEFAULT_WAIT_MILLIS = 5_000;
  static final long MAX_WAIT_MILLIS = 120_000;

  private LongPoll() {
  }

  static long waitMillis(RoutingContext ctx) {
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
    return waitMillis;
  }

  static long after(RoutingContext ctx) {
    String after = ctx.queryParams().get("after");
    try {
      return after == null ? 0 : Long.parseLong(after);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("after must be a whole number (a seq seen before)");
    }
  }

  static <T> void answer(RoutingContext ctx, CompletableFuture<T> found, long waitMillis, String what,
                         Function<T, JsonObject> view) {
    var vertx = ctx.vertx();
    // the future completes on whichever thread stored the item (another event loop, the webhook
    // dispatcher's): the answer is written back on the event loop that serves this request
    var context = vertx.getOrCreateContext();
    long timer = vertx.setTimer(Math.max(1, waitMillis), t -> found.cancel(false));
    ctx.response().closeHandler(v -> found.cancel(false));
    found.whenComplete((item, error) -> context.runOnContext(v -> {
      vertx.cancelTimer(timer);
      if (ctx.response().ended() || ctx.response().closed()) {
        return;
      }
      if (item != null) {
        Responses.ok(ctx, view.apply(item));
      } else {
        ctx.fail(new ApiError(ApiError.Status.NOT_FOUND, "No matching " + what + " within " + waitMillis + " ms"));
      }
    }));
  }
}
