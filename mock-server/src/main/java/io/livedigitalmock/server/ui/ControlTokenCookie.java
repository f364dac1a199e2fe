package io.livedigitalmock.server.ui;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * How a browser carries a control-plane token, where one is required: {@code /_mock/ui?token=…} once,
 * which keeps it in an HttpOnly, SameSite=Strict cookie for {@code /_mock} (so the dashboard's own
 * same-origin forms carry it, and no other site's page can), then drops it from the address bar.
 * Whatever checks the token on {@code /_mock} reads it here ({@link #read}) besides its header.
 */
public final class ControlTokenCookie {

  public static final String NAME = "ldmock_control_token";

  private ControlTokenCookie() {
  }

  /** The token this browser keeps, or null. */
  public static String read(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(NAME);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }

  /** If the request has {@code ?token=}, keeps it and answers a redirect to the dashboard without it. */
  static boolean takeFromQuery(RoutingContext ctx) {
    String token = ctx.queryParams().get("token");
    if (token == null || token.isBlank()) {
      return false;
    }
    ctx.response().addCookie(Cookie.cookie(NAME, token).setPath("/_mock").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT));
    ctx.response().setStatusCode(303).putHeader("Location", Dashboard.HOME).end();
    return true;
  }
}
