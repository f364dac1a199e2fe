package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.common.ApiError;
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
 * the path parameters of every near miss. Here the path is split once and compared segment by segment
 * with the templates. The matching is what those routes did: the normalized path, an optional
 * trailing slash, a parameter is one non-empty segment, decoded as Vert.x decodes path parameters,
 * the first operation served wins; a path that some operation serves under another method is a 405,
 * else a 404 (both marked for the journal as unknown routes, as the router's own 404 and 405 are).
 */
public final class OperationRoutes {

  private static final String KEY = "ldmock.operation";

  /** {@code literals[i]}: the template's segment, or null where {@code params[i]} names a parameter. */
  private record Served(ApiOperation op, String[] literals, String[] params, Handler<RoutingContext> handler) {

    static Served of(ApiOperation op, Handler<RoutingContext> handler) {
      String[] literals = segments(op.path());
      String[] params = new String[literals.length];
      for (int i = 0; i < literals.length; i++) {
        if (literals[i].startsWith("{") && literals[i].endsWith("}")) {
          params[i] = literals[i].substring(1, literals[i].length() - 1);
          literals[i] = null;
        }
      }
      return new Served(op, literals, params, handler);
    }
  }

  private final List<Handler<RoutingContext>> before;
  private final List<Served> served = new ArrayList<>();

  /** {@code before}: handlers that run first on every operation, after the request is marked. */
  public OperationRoutes(List<Handler<RoutingContext>> before) {
    this.before = List.copyOf(before);
  }

  /** {@code handler} answers the operation (after the {@code before} handlers). */
  void serve(ApiOperation op, Handler<RoutingContext> handler) {
    served.add(Served.of(op, handler));
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
    int segments = segmentCount(path);
    boolean otherMethod = false;
    for (Served s : served) {
      if (s.literals.length == segments && matches(s.literals, path, null, null)) {
        if (s.op.method() == ctx.request().method()) {
          matches(s.literals, path, s.params, ctx);
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

  /**
   * Whether {@code path} (normalized, so it starts with {@code /}) has the template's segments, plus
   * at most one trailing slash: {@code literals[i]} as is, or where it is null any non-empty segment.
   * With {@code params}, puts those segments in the request's path parameters, decoded. Walks the path
   * in place: this runs on every API request.
   */
  private static boolean matches(String[] literals, String path, String[] params, RoutingContext ctx) {
    int start = 1;
    for (int i = 0; i < literals.length; i++) {
      if (start > path.length()) {
        return false;
      }
      int end = path.indexOf('/', start);
      end = end < 0 ? path.length() : end;
      String literal = literals[i];
      if (literal == null ? end == start
          : end - start != literal.length() || !path.regionMatches(start, literal, 0, literal.length())) {
        return false;
      }
      if (params != null && params[i] != null) {
        ctx.pathParams().put(params[i], RFC3986.decodeURIComponent(path.substring(start, end), false));
      }
      start = end + 1;
    }
    return start >= path.length();    // the end, or one slash before it
  }

  /** How many segments a path has, not counting one trailing slash: {@code /v1/spaces/} has 2. */
  private static int segmentCount(String path) {
    int slashes = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        slashes++;
      }
    }
    return path.length() > 1 && path.charAt(path.length() - 1) == '/' ? slashes - 1 : slashes;
  }

  /** {@code /v1/spaces/{spaceId}} gives {@code [v1, spaces, {spaceId}]}. */
  private static String[] segments(String template) {
    return template.substring(1).split("/");
  }
}
