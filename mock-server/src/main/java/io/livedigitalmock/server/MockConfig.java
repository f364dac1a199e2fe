package io.livedigitalmock.server;

import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.common.WireName;
import io.livedigitalmock.server.domain.rooms.Plan;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting of the server, each settable as {@code --name value} (or {@code --name=value}) and as
 * the environment variable {@code LDMOCK_NAME}; the flag wins over the variable, the variable over the
 * default. Immutable; build one with {@link #defaults()} and the {@code with...} methods, or
 * {@link #parse}.
 */
public record MockConfig(String host, int port, Long seed, String jwtSecret, TenantSpec demo,
                         String roomBaseUrl, int bodyLimitBytes, Duration webhookRetryInterval,
                         Duration webhookTimeout, boolean sdkExampleTenant,
                         FaultsAndJournal.Options faultsAndJournal, Limits limits, ControlPlane controlPlane,
                         LocalDev localDev, int eventLoops) {

  /** name → (environment variable, default, help). The single statement of every default. */
  static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

  static {
    option("host", "127.0.0.1", "address to bind (0.0.0.0 in a container)");
    option("port", "8080", "port to listen on; 0 picks a free one");
    option("seed", "", "seed for ids, aliases and secrets; same seed, same ids (default: random)");
    option("client-id", "demo-client", "demo tenant's OAuth client_id");
    option("client-secret", "demo-secret", "demo tenant's client_secret");
    option("user-email", "demo@example.com", "demo user's email (the password grant's username)");
    option("user-password", "demo-password", "demo user's password");
    option("user-name", "Demo User", "demo user's display name");
    option("plan", "pro", "plan of new spaces: free, basic (webhooks) or pro (webhooks + statistics)");
    option("room-base-url", "", "base of generated room and record links (default: the address each request reached the mock at)");
    option("jwt-secret", "", "HS256 key for tokens (default: random per start)");
    option("body-limit", "262144", "largest accepted request body in bytes");
    option("webhook-retry-interval", "1", "seconds between webhook delivery attempts (fractions allowed)");
    option("webhook-timeout", "5", "seconds a webhook receiver has to answer one attempt (fractions allowed)");
    option("request-timeout", "30", "seconds a client has to send a whole request (headers and body)");
    option("idle-timeout", "180", "seconds a connection may be silent both ways before it is closed");
    option("delivery-log-bytes", "auto", "bytes the webhook delivery log keeps (k, m, g suffixes; auto: 1/32 of the max heap); past them the oldest attempts go");
    option("delivery-queue-bytes", "auto", "bytes of webhook deliveries waiting to be sent or retried (auto: 1/32 of the max heap); past them new ones are dropped, logged");
    option("receiver-log-bytes", "auto", "bytes the built-in receivers' request logs keep in all (auto: 1/32 of the max heap); past them the oldest requests go");
    option("journal-total-bytes", "auto", "bytes all tenants' request journals keep together, roughly (auto: 1/32 of the max heap); past them the heaviest journal's oldest requests go");
    option("data-bytes", "auto", "bytes all tenants' stored data may take (auto: 9/16 of the max heap); past them writes get 409");
    option("max-tenants", "10000", "tenants there may be at once; past them creating one gets 409");
    option("max-receivers", "1000", "built-in receivers there may be at once; past them creating one gets 409");
    option("control-token", "", "token every /_mock route but health requires, as Authorization: Bearer <token> (default: none)");
    option("control-plane", "on", "off: every /_mock route but health answers 404");
    option("allowed-hosts", "", "host names the control plane answers besides loopback and the configured ones (comma-separated; * for any)");
    option("sdk-example-tenant", "on", "on: the client, spaces, rooms and alias the public SDK example apps hard-code exist (off: not)");
    option("scenario", "", "fault scenario loaded at start: a YAML/JSON file, classpath:<resource>, or a shipped one's name (token-endpoint-outage, rate-limiting, flaky-webhook-receiver, recording-failure-mid-call)");
    option("journal-max-entries", "10000", "requests kept per tenant in the request journal (oldest dropped; 0: no journal)");
    option("journal-max-bytes", "16777216", "bytes kept per tenant in the request journal, roughly (oldest dropped)");
    option("event-loops", "auto", "event loops, each serving the port with its own HTTP server over the shared state (auto: one per available processor)");
    option("state-dir", "", "directory the whole state is saved to (on a clean stop, and every --state-save-interval when it changed) and loaded from at start (default: none, memory only)");
    option("state-save-interval", "10", "seconds between saves of a changed state to --state-dir (0: only on a clean stop)");
    option("host-loopback-alias", "off", "host name that webhook URLs naming localhost, 127.0.0.1 or [::1] are delivered to instead (the image: host.docker.internal); off: as registered");
    option("host-relay", "", "HTTP proxy on the host (http://user:token@host:port) that webhooks to localhost go through (the JUnit extension's, for a container on Linux); default: none");
    option("verbose", "off", "on: one access-log line per request on stdout (method, path, status, ms, tenant)");
  }

  /** Options that need no value: {@code --verbose} alone is {@code --verbose on}. */
  static final java.util.Set<String> FLAGS = java.util.Set.of("verbose");
  private static final java.util.Set<String> ON_OFF = java.util.Set.of("on", "off", "true", "false", "yes", "no", "1", "0");

  private static void option(String name, String defaultValue, String help) {
    OPTIONS.put(name, new String[] {envName(name), defaultValue, help});
  }

  static String envName(String option) {
    return "LDMOCK_" + option.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  public static MockConfig defaults() {
    return parse(new String[0], Map.of());
  }

  /**
   * Reads flags and environment.
   *
   * @throws IllegalArgumentException with a message for the user on an unknown flag or a bad value
   */
  public static MockConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    OPTIONS.forEach((name, spec) -> values.put(name, env.getOrDefault(spec[0], spec[1])));
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!OPTIONS.containsKey(name)) {
        throw new IllegalArgumentException("unknown option: --" + name);
      }
      if (value == null && FLAGS.contains(name)
          && (i + 1 >= args.length || !ON_OFF.contains(args[i + 1].toLowerCase(java.util.Locale.ROOT)))) {
        value = "on";
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      values.put(name, value);
    }
    return fromValues(values);
  }

  private static MockConfig fromValues(Map<String, String> v) {
    int port = integer(v, "port", 0, 65535);
    String seed = v.get("seed");
    String secret = v.get("jwt-secret");
    Plan plan;
    try {
      plan = WireName.parse(Plan.class, "plan", v.get("plan"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--plan: " + e.getMessage());
    }
    Duration retry = seconds(v, "webhook-retry-interval", 0, 3600);
    Duration timeout = seconds(v, "webhook-timeout", 0.01, 600);
    Long seedValue;
    try {
      seedValue = seed.isBlank() ? null : Long.parseLong(seed.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number");
    }
    return new MockConfig(v.get("host"), port, seedValue,
        secret.isBlank() ? randomSecret() : secret,
        new TenantSpec(v.get("client-id"), v.get("client-secret"), v.get("user-email"),
            v.get("user-password"), v.get("user-name"), plan),
        v.get("room-base-url").isBlank() ? null : stripSlash(v.get("room-base-url")),
        integer(v, "body-limit", 1024, 64 * 1024 * 1024), retry, timeout, onOff(v, "sdk-example-tenant"),
        new FaultsAndJournal.Options(v.get("scenario").trim(), integer(v, "journal-max-entries", 0, 10_000_000),
            integer(v, "journal-max-bytes", 0, Integer.MAX_VALUE)),
        new Limits(seconds(v, "request-timeout", 0.1, 3600), seconds(v, "idle-timeout", 1, 86_400),
            bytes(v, "delivery-log-bytes", 1), bytes(v, "delivery-queue-bytes", 1), bytes(v, "receiver-log-bytes", 1),
            bytes(v, "journal-total-bytes", 1), bytes(v, "data-bytes", 18), integer(v, "max-tenants", 2, 10_000_000), integer(v, "max-receivers", 1, 1_000_000)),
        new ControlPlane(onOff(v, "control-plane"), v.get("control-token").isBlank() ? null : v.get("control-token").trim(),
            java.util.Arrays.stream(v.get("allowed-hosts").split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList()),
        localDev(v, !secret.isBlank()),
        v.get("event-loops").trim().equalsIgnoreCase("auto") ? Runtime.getRuntime().availableProcessors()
            : integer(v, "event-loops", 1, 1024));
  }

  private static LocalDev localDev(Map<String, String> v, boolean jwtSecretGiven) {
    String dir = v.get("state-dir").trim();
    String alias = v.get("host-loopback-alias").trim();
    if (alias.isEmpty() || alias.contains("/") || alias.contains(":") && !alias.startsWith("[")) {
      throw new IllegalArgumentException("--host-loopback-alias must be a host name (e.g. host.docker.internal) or off");
    }
    String relay = v.get("host-relay").trim();
    if (!relay.isEmpty()) {
      try {
        java.net.URI uri = new java.net.URI(relay);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
          throw new IllegalArgumentException("--host-relay must be http://[user:token@]host:port");
        }
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("--host-relay must be http://[user:token@]host:port");
      }
    }
    return new LocalDev(dir.isEmpty() ? null : java.nio.file.Path.of(dir), seconds(v, "state-save-interval", 0, 86_400),
        jwtSecretGiven, isOff(alias) ? null : alias, relay.isEmpty() ? null : relay, onOff(v, "verbose"));
  }

  private static boolean isOff(String value) {
    return java.util.Set.of("off", "false", "no", "0").contains(value.toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean onOff(Map<String, String> v, String name) {
    return switch (v.get(name).trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("--" + name + " must be on or off");
    };
  }

  /**
   * A number of bytes, with an optional k, m or g (binary) suffix: {@code 16m} = 16 MiB; at least
   * 64 KiB. {@code auto}: {@code thirtySeconds}/32 of the JVM's max heap, so that the limits together
   * (22/32 of it, counted about as the heap holds it) leave room for the rest of the server whatever
   * {@code -Xmx} is. Stored data has the largest share (18/32, enough for 10,000 tenants of a user, a
   * space and ten rooms at -Xmx128m): past it writes fail, where the logs forget their oldest.
   */
  private static long bytes(Map<String, String> v, String name, int thirtySeconds) {
    String text = v.get(name).trim().toLowerCase(java.util.Locale.ROOT);
    if (text.equals("auto")) {
      return Math.max(64 << 10, Runtime.getRuntime().maxMemory() / 32 * thirtySeconds);
    }
    int shift = text.endsWith("k") ? 10 : text.endsWith("m") ? 20 : text.endsWith("g") ? 30 : 0;
    try {
      long n = Long.parseLong(shift == 0 ? text : text.substring(0, text.length() - 1));
      if (n < 0 || n > (64L << 30) >> shift || n << shift < 64 << 10) {
        throw new IllegalArgumentException("--" + name + " must be between 64k and 64g");
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number of bytes, e.g. 16m");
    }
  }

  private static Duration seconds(Map<String, String> v, String name, double min, double max) {
    double value;
    try {
      value = Double.parseDouble(v.get(name).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number of seconds");
    }
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + " seconds");
    }
    return Duration.ofMillis(Math.round(value * 1000));
  }

  private static int integer(Map<String, String> v, String name, int min, int max) {
    try {
      int n = Integer.parseInt(v.get(name).trim());
      if (n < min || n > max) {
        throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number");
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The seed in force: the configured one, or one drawn now. */
  public long effectiveSeed() {
    return seed != null ? seed : new SecureRandom().nextLong();
  }

  public MockConfig withPort(int newPort) {
    return new MockConfig(host, newPort, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes,
        webhookRetryInterval, webhookTimeout, sdkExampleTenant, faultsAndJournal, limits, controlPlane, localDev, eventLoops);
  }

  public MockConfig withSeed(long newSeed) {
    return new MockConfig(host, port, newSeed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes,
        webhookRetryInterval, webhookTimeout, sdkExampleTenant, faultsAndJournal, limits, controlPlane, localDev, eventLoops);
  }

  public MockConfig withWebhookRetryInterval(Duration interval) {
    return new MockConfig(host, port, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes, interval, webhookTimeout, sdkExampleTenant, faultsAndJournal, limits, controlPlane, localDev, eventLoops);
  }

  public MockConfig withWebhookTimeout(Duration timeout) {
    return new MockConfig(host, port, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes, webhookRetryInterval,
        timeout, sdkExampleTenant, faultsAndJournal, limits, controlPlane, localDev, eventLoops);
  }

  /** A scenario loaded at start (file, {@code classpath:...} or a shipped one's name); "" for none. */
  public MockConfig withScenario(String scenario) {
    return new MockConfig(host, port, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes, webhookRetryInterval,
        webhookTimeout, sdkExampleTenant, new FaultsAndJournal.Options(scenario,
        faultsAndJournal.journalMaxEntries(), faultsAndJournal.journalMaxBytes()), limits, controlPlane, localDev, eventLoops);
  }

  /** Per tenant: how many requests, and about how many bytes, the request journal keeps. */
  public MockConfig withJournalLimits(int maxEntries, long maxBytes) {
    return new MockConfig(host, port, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes, webhookRetryInterval,
        webhookTimeout, sdkExampleTenant, new FaultsAndJournal.Options(faultsAndJournal.scenario(), maxEntries,
        maxBytes), limits, controlPlane, localDev, eventLoops);
  }

  /** The same, the control plane requiring {@code token} ({@code Authorization: Bearer <token>}). */
  public MockConfig withControlToken(String token) {
    return new MockConfig(host, port, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes, webhookRetryInterval,
        webhookTimeout, sdkExampleTenant, faultsAndJournal, limits, new ControlPlane(controlPlane.enabled(), token,
        controlPlane.allowedHosts()), localDev, eventLoops);
  }

  /** Serves the port from {@code n} event loops, one HTTP server on each. */
  public MockConfig withEventLoops(int n) {
    return new MockConfig(host, port, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes, webhookRetryInterval,
        webhookTimeout, sdkExampleTenant, faultsAndJournal, limits, controlPlane, localDev, n);
  }

  public MockConfig withDemoPlan(Plan plan) {
    return new MockConfig(host, port, seed, jwtSecret, new TenantSpec(demo.clientId(), demo.clientSecret(),
        demo.userEmail(), demo.userPassword(), demo.userName(), plan), roomBaseUrl, bodyLimitBytes,
        webhookRetryInterval, webhookTimeout, sdkExampleTenant, faultsAndJournal, limits, controlPlane, localDev, eventLoops);
  }

  /** The same, its state kept in {@code dir} ({@code --state-dir}). */
  public MockConfig withStateDir(java.nio.file.Path dir) {
    return new MockConfig(host, port, seed, jwtSecret, demo, roomBaseUrl, bodyLimitBytes, webhookRetryInterval,
        webhookTimeout, sdkExampleTenant, faultsAndJournal, limits, controlPlane, new LocalDev(dir,
        localDev.stateSaveInterval(), localDev.jwtSecretGiven(), localDev.hostLoopbackAlias(), localDev.hostRelay(),
        localDev.verbose()), eventLoops);
  }

  static String usage() {
    StringBuilder out = new StringBuilder("usage: java -jar livedigital-mock-server.jar [options]\n\n");
    OPTIONS.forEach((name, spec) -> out.append(String.format("  --%-24s %s%n  %-26s env %s, default %s%n",
        name + " V", spec[2], "", spec[0], spec[1].isEmpty() ? "(see text)" : spec[1])));
    out.append(String.format("  --%-24s %s%n", "healthcheck", "exit 0 if the mock on --port answers /_mock/health"));
    out.append(String.format("  --%-24s %s%n", "version", "print the version and exit"));
    return out.toString();
  }
}
