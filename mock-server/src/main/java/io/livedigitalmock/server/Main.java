package io.livedigitalmock.server;

import io.livedigitalmock.server.domain.SdkExampleTenant;
import io.livedigitalmock.server.domain.TenantSpec;
import java.net.HttpURLConnection;
import java.net.URI;

/** {@code java -jar livedigital-mock-server.jar [options]}: runs until stopped (SIGTERM or Ctrl-C). */
public final class Main {

  static final String NETTY_JFR = "io.netty.jfr.enabled";

  private Main() {
  }

  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.print(MockConfig.usage());
      return;
    }
    if (args.length == 1 && args[0].equals("--version")) {
      System.out.println("livedigital-mock " + Version.current());
      return;
    }
    withoutNettyJfrEvents();
    boolean healthcheck = java.util.Arrays.asList(args).contains("--healthcheck");
    if (!healthcheck) {
      StartupPreload.start();
    }
    String[] options = java.util.Arrays.stream(args).filter(a -> !a.equals("--healthcheck"))
        .toArray(String[]::new);
    MockConfig config;
    try {
      config = MockConfig.parse(options, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("livedigital-mock: " + e.getMessage());
      System.err.print(MockConfig.usage());
      System.exit(2);
      return;
    }
    if (healthcheck) {
      System.exit(isHealthy(config.port()) ? 0 : 1);
    }
    MockServer server;
    try {
      server = MockServer.start(config);
    } catch (IllegalStateException e) {
      System.err.println("livedigital-mock: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "livedigital-mock-shutdown"));
    TenantSpec demo = config.demo();
    System.out.println("livedigital-mock listening on " + server.baseUrl());
    System.out.println("demo client: client_id=" + demo.clientId() + " client_secret=" + demo.clientSecret());
    String demoUserId = server.tenants().all().stream().filter(t -> t.clientId().equals(demo.clientId()))
        .map(t -> t.user().id()).findFirst().orElse("none: the restored state has no such tenant");
    System.out.println("demo user:   username=" + demo.userEmail() + " password=" + demo.userPassword()
        + " (id " + demoUserId + ")");
    if (config.sdkExampleTenant()) {
      System.out.println("sdk examples: client_id=" + SdkExampleTenant.SPEC.clientId() + " client_secret="
          + SdkExampleTenant.SPEC.clientSecret() + " room alias " + SdkExampleTenant.ROOM_ALIAS);
    }
    if (server.stateSummary() != null) {
      System.out.println("state: " + server.stateSummary());
    }
    ControlPlane plane = config.controlPlane();
    System.out.println("control plane: " + server.baseUrl() + "/_mock/health" + (!plane.enabled() ? " (off: health only)"
        : plane.token() != null ? " (token required: Authorization: Bearer <--control-token>)" : ""));
    if (plane.enabled() && plane.token() == null && !isLoopback(config.host())) {
      System.err.println("livedigital-mock: warning: listening on " + config.host() + " with no --control-token: "
          + "whoever can reach the port can read every secret and reset the mock (README: Security)");
    }
  }

  /**
   * Netty's buffer allocators look, at their first use, whether to emit JFR events, and that loads and
   * instruments JFR's event classes: about 100 ms of CPU on the way to the first answer
   * ({@code mock-server/bench/startup.sh}), for events a mock's users do not record. Left as it is when
   * the JVM was given a value: {@code -Dio.netty.jfr.enabled=true} brings them back.
   */
  static void withoutNettyJfrEvents() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /** For Docker's HEALTHCHECK, where a scratch image has no curl. */
  private static boolean isHealthy(int port) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/_mock/health")
          .toURL().openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(2000);
      return c.getResponseCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
