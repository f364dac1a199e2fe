package io.livedigitalmock.server.http;

import io.vertx.core.Handler;
import io.vertx.core.internal.net.RFC3986;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves every {@link ApiOperation} from one route on {@code /v1}, and marks every request it serves
 * with its operation, so that what runs around the area handlers (the journal, fault rules) knows
 * which operation a request reached without matching paths again.
 *
 * <p>Why one route and not one per operation: Vert.x tries a request against each route in turn,
 * running each one's regex, so the operations near the end of the list paid for 30-odd regexes and
 * the path parameters of every near miss. Here the path is compared segment by segment with the
 * templates of those operations with as many segments ({@link ApiOperation#matches}, the one
 * matcher of templates). The matching is what those routes did: the normalized path, an optional
 * trailing slash, a parameter is one non-empty segment, decoded as Vert.x decodes path parameters,
 * the first operation served wins; a path that some operation serves under another method is a 405,
 * else a 404 (both marked for the journal as unknown routes, as the router's own 404 and 405 are).
 */
public final class OperationRoutes {

  private static final String KEY = "ldmock.operation";

  private record Served(ApiOperation op, Handler<RoutingContext> handler) {
  }

  private final List<Handler<RoutingContext>> before;
  private final List<Served> served = new ArrayList<>();

  /** {@code before}: handlers that run first on every operation, after the request is marked. */
  public OperationRoutes(List<Handler<RoutingContext>> before) {
    this.before = List.copyOf(before);
  }

  /** {@code handler} answers the operation (after the {@code before} handlers). */
  void serve(ApiOperation op, Handler<RoutingContext> handler) {
    served.add(new Served(op, handler));
  }

  /** Mounts the one route of every operation served so far. */
  void mount(Router router) {
    Route route = router.route("/v1/*").handler(this::dispatch);
    before.forEach(route::handler);
    route.handler(ctx -> served(ctx).handler.handle(ctx));
  }

  /** The operation the request reached, or null (an unknown route, the control plane, a page). */
  public static ApiOperation of(RoutingContext ctx) {
    Served s = ctx.get(KEY);
    return s == null ? null : s.op;
  }

  private static Served served(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  private void dispatch(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    // one trailing slash names the same resource, as it did on Vert.x's routes ("/?" ended their regexes)
    String exact = path.length() > 1 && path.charAt(path.length() - 1) == '/' ? path.substring(0, path.length() - 1)
        : path;
    int segments = segmentCount(exact);
    boolean otherMethod = false;
    for (Served s : served) {
      if (s.op.segments() == segments && s.op.matches(exact, null)) {
        if (s.op.method() == ctx.request().method()) {
          s.op.matches(exact, (name, sent) -> ctx.pathParams().put(name, RFC3986.decodeURIComponent(sent, false)));
          ctx.put(KEY, s);
          ctx.next();
          return;
        }
        otherMethod = true;
      }
    }
    RequestJournaling.markUnknownRoute(ctx);
    ctx.fail(otherMethod ? 405 : 404);
  }

  private static int segmentCount(String path) {
    int slashes = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        slashes++;
      }
    }
    return slashes;
  }
}
