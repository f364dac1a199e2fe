package io.livedigitalmock.server.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Mounts the route of each {@link ApiOperation} and marks every request it serves with that
 * operation, so that what runs around the area handlers (the journal, fault rules) knows which
 * operation a request reached without matching paths again.
 */
public final class OperationRoutes {

  private static final String KEY = "ldmock.operation";

  private final Router router;
  private final List<Handler<RoutingContext>> before;

  /** {@code before}: handlers that run first on every operation, after the request is marked. */
  public OperationRoutes(Router router, List<Handler<RoutingContext>> before) {
    this.router = router;
    this.before = List.copyOf(before);
  }

  /** The operation's route, ready for its own handlers. */
  Route route(ApiOperation op) {
    Route route = router.routeWithRegex(op.method(), op.routeRegex()).handler(ctx -> {
      ctx.put(KEY, op);
      ctx.next();
    });
    before.forEach(route::handler);
    return route;
  }

  /** The operation the request reached, or null (an unknown route, the control plane, a page). */
  public static ApiOperation of(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
