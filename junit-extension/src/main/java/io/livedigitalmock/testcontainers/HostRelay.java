package io.livedigitalmock.testcontainers;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP proxy on this machine through which the mock, in a container, delivers webhooks whose URL
 * names {@code localhost}: on Linux the Docker bridge gateway ({@code host-gateway}) reaches only
 * services listening on the bridge or on every interface, not an app's endpoint on 127.0.0.1, which
 * is where tests run them. The mock keeps the URL and sends it here ({@code --host-relay}); the relay
 * forwards it to the loopback, byte for byte ({@code CONNECT} for https).
 *
 * <p>Bounded to what it is for: it listens on one address (the bridge gateway, never every interface),
 * answers only requests carrying its random token ({@code Proxy-Authorization}, so another container
 * on the bridge cannot use it), and forwards only to loopback addresses.
 */
final class HostRelay implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(HostRelay.class.getName());
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authorization",
      "proxy-authenticate", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
  static final String USER = "ldmock";
  private static final int TIMEOUT_MS = 60_000;

  private final Vertx vertx;
  private final HttpServer server;
  private final String token;

  private HostRelay(Vertx vertx, HttpServer server, String token) {
    this.vertx = vertx;
    this.server = server;
    this.token = token;
  }

  /**
   * Listens on {@code address} (a free port).
   *
   * @throws IllegalStateException if it cannot listen there (e.g. no such interface on this machine)
   */
  static HostRelay start(String address) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(TIMEOUT_MS)
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setConnectTimeout(10_000).setTrustAll(true).setVerifyHost(false));
    NetClient tunnels = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000)
        .setIdleTimeout(TIMEOUT_MS).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + token).getBytes(StandardCharsets.UTF_8));
    try {
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(address).setPort(0)
              .setIdleTimeout(TIMEOUT_MS).setIdleTimeoutUnit(TimeUnit.MILLISECONDS))
          .requestHandler(req -> handle(req, expected, client, tunnels))
          .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return new HostRelay(vertx, server, token);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("the host relay cannot listen on " + address + ": "
          + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }
  }

  int port() {
    return server.actualPort();
  }

  /** The relay's URL as the mock in the container reaches it, credentials included ({@code --host-relay}). */
  String url(String hostAsSeenByTheContainer) {
    return "http://" + USER + ":" + token + "@" + hostAsSeenByTheContainer + ":" + port();
  }

  private static void handle(HttpServerRequest req, String expected, HttpClient client, NetClient tunnels) {
    String auth = req.getHeader(HttpHeaders.PROXY_AUTHORIZATION);
    if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      req.response().setStatusCode(407).putHeader(HttpHeaders.PROXY_AUTHENTICATE, "Basic realm=\"livedigital-mock host relay\"")
          .end();
      return;
    }
    if (req.method() == HttpMethod.CONNECT) {
      tunnel(req, tunnels);
    } else {
      forward(req, client);
    }
  }

  /** An absolute-form request ({@code POST http://localhost:3000/hooks}) to the loopback it names. */
  private static void forward(HttpServerRequest req, HttpClient client) {
    URI target;
    try {
      target = new URI(req.uri());
    } catch (URISyntaxException e) {
      refuse(req, 400, "not an absolute URI: " + req.uri());
      return;
    }
    if (!"http".equals(target.getScheme()) || target.getHost() == null || !isLoopback(target.getHost())) {
      refuse(req, 403, "the host relay forwards only to http://localhost, 127.0.0.1 or [::1], not " + req.uri());
      return;
    }
    req.pause();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    req.headers().forEach(h -> {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !name.equals("host")) {   // Host: from the URI, the same
        headers.add(h.getKey(), h.getValue());
      }
    });
    client.request(new RequestOptions().setMethod(req.method()).setAbsoluteURI(target.toString()).setHeaders(headers)
            .setIdleTimeout(TIMEOUT_MS))
        .compose(out -> out.send(req))
        .compose(answer -> {
          var response = req.response().setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
          answer.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
              response.headers().add(h.getKey(), h.getValue());
            }
          });
          return answer.pipeTo(response);
        })
        .onFailure(e -> {
          LOG.log(System.Logger.Level.DEBUG, "host relay: " + req.uri() + ": " + e);
          if (!req.response().headWritten()) {
            refuse(req, 502, "host relay: " + req.uri() + ": " + e.getMessage());
          } else {
            req.connection().close();
          }
        });
  }

  /** {@code CONNECT localhost:8443}: a byte tunnel to the loopback port (https receivers). */
  private static void tunnel(HttpServerRequest req, NetClient tunnels) {
    var authority = req.authority();
    if (authority == null || !isLoopback(authority.host()) || authority.port() < 1) {
      refuse(req, 403, "the host relay tunnels only to localhost, 127.0.0.1 or [::1]");
      return;
    }
    req.pause();
    tunnels.connect(authority.port(), authority.host())
        .onSuccess(upstream -> req.toNetSocket().onSuccess(downstream -> {
          downstream.pipeTo(upstream);
          upstream.pipeTo(downstream);
        }).onFailure(e -> upstream.close()))
        .onFailure(e -> refuse(req, 502, "host relay: " + authority + ": " + e.getMessage()));
  }

  private static void refuse(HttpServerRequest req, int status, String message) {
    req.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(message);
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // best effort: nothing of it outlives the test run anyway
    }
  }
}
