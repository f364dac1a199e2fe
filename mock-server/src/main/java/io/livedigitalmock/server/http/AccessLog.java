package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code --verbose}: one line per request once it is answered, {@code METHOD path status ms tenant},
 * e.g. {@code GET /v1/spaces 200 1.4ms demo-client}. Mounted only when asked for, so it costs nothing
 * otherwise. The query string is left out: access links carry their token there.
 */
public final class AccessLog {

  private final TenantRegistry registry;
  private final PrintStream out;

  public AccessLog(TenantRegistry registry, PrintStream out) {
    this.registry = registry;
    this.out = out;
  }

  /** Mount first, so that every request is timed from its start and logged however it ends. */
  public void mount(Router router) {
    router.route().handler(this::watch);
  }

  private void watch(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(ended -> out.println(line(ctx, started, ended.succeeded())));
    ctx.next();
  }

  private String line(RoutingContext ctx, long started, boolean answered) {
    String path = ctx.request().path();
    Tenant tenant = null;
    if (!path.startsWith("/_mock/")) {
      try {
        tenant = RequestTenant.of(ctx, registry);
      } catch (RuntimeException unknown) {
        // a log line must not fail: no tenant then
      }
    }
    int status = ctx.response().headWritten() ? ctx.response().getStatusCode() : 0;
    return String.format(Locale.ROOT, "%s %s %s %.1fms %s", ctx.request().method().name(), path,
        answered ? Integer.toString(status) : status + "(closed)", (System.nanoTime() - started) / 1e6,
        tenant == null ? "-" : tenant.clientId());
  }
}
