package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.vertx.ext.web.Router;

/** The emulated livedigital API (every path under {@code /v1}), the room page and the record files its links open. */
public final class ApiRoutes {

  private final TenantRegistry registry;
  private final byte[] recordingFile;

  public ApiRoutes(TenantRegistry registry, byte[] recordingFile) {
    this.registry = registry;
    this.recordingFile = recordingFile;
  }

  /** {@code http://<Host header>}: the address the client used to reach the mock. */
  static String requestBase(io.vertx.ext.web.RoutingContext ctx) {
    String host = ctx.request().getHeader("Host");
    if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
      host = "127.0.0.1:" + ctx.request().localAddress().port();
    }
    return "http://" + host;
  }

  public void mount(Router router) {
    Authentication auth = new Authentication(registry);
    new AuthApi(registry).mount(router);
    new UsersApi().mount(router, auth);
    new RoomsApi().mount(router, auth);
    new SpacesApi().mount(router, auth);
    new ParticipantsApi().mount(router, auth);
    new RecordsApi().mount(router, auth);
    new WebhooksApi().mount(router, auth);
    new AnalyticsApi().mount(router, auth);
    new RoomPage(registry).mount(router);
    new MediaFiles(registry, recordingFile).mount(router);
  }
}
