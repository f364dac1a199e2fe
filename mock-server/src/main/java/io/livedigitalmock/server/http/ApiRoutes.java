package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.vertx.ext.web.Router;

/** The emulated livedigital API (every path under {@code /v1}) and the room page its links open. */
public final class ApiRoutes {

  private final TenantRegistry registry;

  public ApiRoutes(TenantRegistry registry) {
    this.registry = registry;
  }

  public void mount(Router router) {
    Authentication auth = new Authentication(registry);
    new AuthApi(registry).mount(router);
    new UsersApi().mount(router, auth);
    new RoomsApi().mount(router, auth);
    new SpacesApi().mount(router, auth);
    new RoomPage(registry).mount(router);
  }
}
