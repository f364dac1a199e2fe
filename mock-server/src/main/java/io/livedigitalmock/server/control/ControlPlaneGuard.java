package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.http.LiteralPaths;
import io.livedigitalmock.server.ui.ControlTokenCookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may use the control plane, which reads every secret, resets everything and mints tokens. Health
 * is always open. Otherwise, in this order: off ({@code --control-plane off}) is a 404; a {@code Host}
 * that is not a loopback name or address, the bound host, the room links' host or an allowed one
 * ({@code --allowed-hosts}) is a 403, so a page that rebinds its DNS name to 127.0.0.1 gets nowhere; an
 * {@code Origin} other than the mock's own is a 403, so a page of another site cannot post to it; and
 * with {@code --control-token}, a request without {@code Authorization: Bearer <token>} (or the
 * dashboard's cookie, see {@link #hasToken}) is a 401. The
 * built-in receivers' delivery route needs no token: the mock posts to it itself, and a receiver's
 * random id is its secret.
 */
public final class ControlPlaneGuard {

  private static final String HEALTH = "/_mock/health";
  private static final String DASHBOARD = "/_mock/ui";
  private static final Pattern RECEIVER_DELIVERY = Pattern.compile("/_mock/receivers/[^/]+");
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final boolean enabled;
  private final byte[] token;
  private final Set<String> configuredHosts;
  private final List<String> allowedHosts;

  /**
   * {@code configuredHosts}: names the mock was told it has (the bound host, the room links' host);
   * {@code allowedHosts}: {@code --allowed-hosts}, also accepted as origins.
   */
  public ControlPlaneGuard(boolean enabled, String token, Set<String> configuredHosts, List<String> allowedHosts) {
    this.enabled = enabled;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.configuredHosts = configuredHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(
        java.util.stream.Collectors.toUnmodifiableSet());
    this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * On every request: those to the control plane ({@code /_mock} and below) are checked before its
   * own routes see them; throws {@link ApiError} to refuse one.
   */
  public void check(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (!LiteralPaths.isControlPlane(path) || path.equals(HEALTH)) {
      return;
    }
    if (!enabled) {
      throw ApiError.notFound("Route (the control plane is off: --control-plane off)");
    }
    String host = hostName(ctx.request().getHeader(HttpHeaders.HOST));
    if (!isAllowedHost(host)) {
      throw ApiError.forbidden("The control plane does not answer to host " + host
          + " (only loopback and --allowed-hosts)");
    }
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    if (origin != null && !isOwnOrAllowedOrigin(origin, ctx.request().getHeader(HttpHeaders.HOST))) {
      throw ApiError.forbidden("The control plane does not answer pages of origin " + origin);
    }
    boolean delivery = ctx.request().method() == HttpMethod.POST && RECEIVER_DELIVERY.matcher(path).matches();
    if (token != null && !delivery && !hasToken(ctx, path)) {
      throw ApiError.unauthorized("The control plane needs its token (--control-token): "
          + "send Authorization: Bearer <token>");
    }
  }

  private boolean isAllowedHost(String host) {
    return host != null && (isLoopback(host) || configuredHosts.contains(host) || allowedHosts.contains(host)
        || allowedHosts.contains("*"));
  }

  /** The mock's own origin (the one its Host names), or one whose host is explicitly allowed. */
  private boolean isOwnOrAllowedOrigin(String origin, String hostHeader) {
    URI uri;
    try {
      uri = new URI(origin.trim());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;   // "null", file: pages, sandboxed frames
    }
    String originHost = uri.getHost().toLowerCase(Locale.ROOT);
    if (allowedHosts.contains("*") || allowedHosts.contains(stripBrackets(originHost))) {
      return true;
    }
    String authority = uri.getRawAuthority();
    return uri.getScheme().equalsIgnoreCase("http") && hostHeader != null
        && authority.equalsIgnoreCase(hostHeader.trim());
  }

  /**
   * The token as {@code Authorization: Bearer}; or, for the dashboard in a browser, in its SameSite=Strict
   * cookie ({@link ControlTokenCookie}), or in the address of the dashboard's page, once, which the
   * dashboard then keeps in that cookie.
   */
  private boolean hasToken(RoutingContext ctx, String path) {
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      String[] parts = io.livedigitalmock.server.http.Authentication.schemeAndCredentials(authorization);
      return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") && matches(parts[1]);
    }
    if (path.equals(DASHBOARD) && ctx.queryParams().get("token") != null) {
      return matches(ctx.queryParams().get("token"));
    }
    return matches(ControlTokenCookie.read(ctx));
  }

  private boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  /** The name part of a Host header, lower case, without the port or IPv6 brackets; null if absent. */
  static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(1, end);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** Names and addresses that can only mean this machine: a rebinding page cannot use them. */
  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1") || LOOPBACK_IPV4.matcher(host).matches();
  }
}
