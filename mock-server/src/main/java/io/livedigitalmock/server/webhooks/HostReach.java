package io.livedigitalmock.server.webhooks;

import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * How a webhook whose URL names the loopback ({@code localhost}, {@code 127.x.x.x}, {@code [::1]})
 * reaches the machine the developer means when the mock runs in a container, where "localhost" is the
 * container itself. Decided at delivery time, so the stored URL and what the API answers stay as
 * registered, and the delivery log shows both.
 *
 * <ul>
 *   <li>a <b>relay</b> ({@code --host-relay}): the request, URL unchanged, goes through an HTTP proxy
 *       on the host that only forwards to the host's loopback (the JUnit extension runs one on the
 *       Docker bridge for containers on Linux, where the bridge gateway does not reach services bound
 *       to 127.0.0.1);
 *   <li>else an <b>alias</b> ({@code --host-loopback-alias}, the image's {@code host.docker.internal}):
 *       the URL's host is replaced by it (Docker Desktop routes that name to the host's loopback; on
 *       Linux {@code --add-host=host.docker.internal:host-gateway} makes it the bridge gateway);
 *   <li>neither: sent as registered.
 * </ul>
 * A loopback URL on the mock's own port is the mock itself (its built-in receivers): never rerouted.
 */
public final class HostReach {

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "[::1]", "::1", "ip6-localhost");

  private final String alias;
  private final ProxyOptions relay;
  private final String relayAddress;
  private final int ownPort;

  /**
   * {@code alias}, {@code relayUrl}: null for none. {@code ownPort}: the port the mock listens on; a
   * loopback URL with it names the mock itself (its built-in receivers), which stays where it is.
   */
  public HostReach(String alias, String relayUrl, int ownPort) {
    this.alias = alias;
    this.ownPort = ownPort;
    if (relayUrl == null) {
      this.relay = null;
      this.relayAddress = null;
    } else {
      URI uri = URI.create(relayUrl);
      ProxyOptions proxy = new ProxyOptions().setType(ProxyType.HTTP).setHost(uri.getHost()).setPort(uri.getPort());
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        int colon = userInfo.indexOf(':');
        proxy.setUsername(colon < 0 ? userInfo : userInfo.substring(0, colon));
        proxy.setPassword(colon < 0 ? "" : userInfo.substring(colon + 1));
      }
      this.relay = proxy;
      this.relayAddress = uri.getHost() + ":" + uri.getPort();
    }
  }

  public static HostReach direct() {
    return new HostReach(null, null, -1);
  }

  /**
   * Where an attempt to {@code url} goes.
   *
   * @return the route; {@link Route#sentTo()} is null when the URL is used as registered
   */
  public Route route(String url) {
    if (alias == null && relay == null) {
      return new Route(url, null, null);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException notAUri) {
      return new Route(url, null, null);   // the client refuses it and the attempt logs why
    }
    if (uri.getHost() == null || !isLoopback(uri.getHost()) || port(uri) == ownPort) {
      return new Route(url, null, null);
    }
    if (relay != null) {
      return new Route(url, relay, url + " via host relay " + relayAddress);
    }
    try {
      String aliased = new URI(uri.getScheme(), uri.getRawUserInfo(), alias, uri.getPort(), uri.getRawPath(),
          null, null).toString() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return new Route(aliased, null, aliased);
    } catch (URISyntaxException e) {
      return new Route(url, null, null);
    }
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return LOOPBACK_NAMES.contains(h) || h.matches("127(\\.\\d{1,3}){3}");
  }

  /**
   * @param url what to request
   * @param proxy the relay to send it through, or null
   * @param sentTo for the delivery log, where it really went when that is not the registered URL; else null
   */
  public record Route(String url, ProxyOptions proxy, String sentTo) {
  }
}
