package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.common.Sha256;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The room page's session: the token from the link, kept in a cookie named as the link's parameter
 * ({@code accessToken} or {@code refreshToken}: the names of the real service's cookies in the guide's
 * curl samples). The page works inside an iframe on the integrator's site, where the cookie is a
 * third-party one: so {@code SameSite=None; Secure} (browsers drop a cross-site cookie without them),
 * {@code HttpOnly}, and {@code Partitioned} (CHIPS: kept for this embedding site only), which browsers
 * that block third-party cookies still accept (headless Chromium does block them). A browser that keeps
 * no cookie at all fails to join with 401, as the guide's FAQ describes for the real room page
 * ("браузер не сохраняет файлы cookie") [assumed, ledger P17]. Browsers keep Secure cookies from
 * plain-http {@code localhost} and {@code 127.0.0.1}.
 */
final class RoomSession {

  static final List<String> COOKIE_NAMES = List.of("accessToken", "refreshToken");

  private RoomSession() {
  }

  /** Keeps {@code token} for this room's pages, in the cookie named {@code cookieName}. */
  static void keep(RoutingContext ctx, String cookieName, String token, String alias) {
    // Vert.x's Cookie has no Partitioned attribute; Netty's, which Vert.x encodes with, has
    DefaultCookie cookie = new DefaultCookie(cookieName, token);
    cookie.setPath("/room/" + alias);
    cookie.setHttpOnly(true);
    cookie.setSecure(true);
    cookie.setSameSite(CookieHeaderNames.SameSite.None);
    cookie.setPartitioned(true);
    ctx.response().headers().add(HttpHeaders.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie));
  }

  /** The tokens this browser keeps for the room's pages (none when it blocked the cookie). */
  static List<String> tokens(RoutingContext ctx) {
    List<String> tokens = new ArrayList<>();
    for (String name : COOKIE_NAMES) {
      Cookie cookie = ctx.request().getCookie(name);
      if (cookie != null && !cookie.getValue().isBlank()) {
        tokens.add(cookie.getValue());
      }
    }
    return tokens;
  }

  /**
   * A short fingerprint of a token, put in the page's forms: a form sent after the browser has opened
   * another link to the same room (whose cookie replaced this one) is told apart instead of acting as
   * the other person.
   */
  static String tag(String token) {
    return Sha256.hex(token, 8);
  }
}
