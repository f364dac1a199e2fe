package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The emulated livedigital API (every path under {@code /v1}), the room page and the record files its links open. */
public final class ApiRoutes {

  private final TenantRegistry registry;
  private final byte[] recordingFile;

  public ApiRoutes(TenantRegistry registry, byte[] recordingFile) {
    this.registry = registry;
    this.recordingFile = recordingFile;
  }

  /**
   * {@code http://<Host header>}: the address the client used to reach the mock; over HTTP/2 (Java's
   * HttpClient upgrades plain http to it) the {@code :authority} pseudo-header, which has no Host.
   */
  static String requestBase(RoutingContext ctx) {
    String host = ctx.request().getHeader("Host");
    if (host == null && ctx.request().authority() != null) {
      host = ctx.request().authority().toString();
    }
    if (host == null || host.isBlank() || !isHostChars(host)) {
      host = "127.0.0.1:" + ctx.request().localAddress().port();
    }
    return "http://" + host;
  }

  /** Only letters, digits and {@code .-[]:} (a name or address, a port): nothing a link could be bent with. */
  private static boolean isHostChars(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '.' || c == '-' || c == '[' || c == ']' || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code beforeOperations}: run first on every API operation (see {@link OperationRoutes}). */
  public void mount(Router router, List<Handler<RoutingContext>> beforeOperations) {
    Authentication auth = new Authentication(registry);
    OperationRoutes ops = new OperationRoutes(beforeOperations);
    new AuthApi(registry).mount(ops);
    new UsersApi().mount(ops, auth);
    new RoomsApi().mount(ops, auth);
    new SpacesApi().mount(ops, auth);
    new ParticipantsApi().mount(ops, auth);
    new RecordsApi().mount(ops, auth);
    new WebhooksApi().mount(ops, auth);
    new AnalyticsApi().mount(ops, auth);
    ops.mount(router);
    new RoomPage(registry).mount(router);
    new MediaFiles(registry, recordingFile).mount(router);
  }
}
