package io.livedigitalmock.server.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.rooms.Plan;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every option as {@code --flag value}, {@code --flag=value} and {@code LDMOCK_*}; precedence; bad values. */
class MockConfigTest {

  private static final String[] NO_ARGS = new String[0];

  @Test
  void defaultsAreTheDocumentedOnes() {
    MockConfig config = MockConfig.parse(NO_ARGS, Map.of());

    assertEquals("127.0.0.1", config.host());
    assertEquals(8080, config.port());
    assertEquals("demo-client", config.demo().clientId());
    assertEquals("demo-secret", config.demo().clientSecret());
    assertEquals("demo@example.com", config.demo().userEmail());
    assertEquals("demo-password", config.demo().userPassword());
    assertEquals(Plan.PRO, config.demo().plan());
    assertEquals(262_144, config.bodyLimitBytes());
    assertNull(config.seed());
    assertNull(config.roomBaseUrl());
    assertEquals(Runtime.getRuntime().availableProcessors(), config.eventLoops(), "one event loop per processor");
    assertNotEquals(config.jwtSecret(), MockConfig.parse(NO_ARGS, Map.of()).jwtSecret(), "jwt secret is random per start");
  }

  static Stream<Arguments> options() {
    return Stream.of(
        option("host", "0.0.0.0", MockConfig::host, "0.0.0.0"),
        option("port", "9090", MockConfig::port, 9090),
        option("seed", "123", MockConfig::seed, 123L),
        option("client-id", "acme", c -> c.demo().clientId(), "acme"),
        option("client-secret", "s3cret", c -> c.demo().clientSecret(), "s3cret"),
        option("user-email", "boss@acme.test", c -> c.demo().userEmail(), "boss@acme.test"),
        option("user-password", "pw", c -> c.demo().userPassword(), "pw"),
        option("user-name", "Boss", c -> c.demo().userName(), "Boss"),
        option("plan", "free", c -> c.demo().plan(), Plan.FREE),
        option("room-base-url", "https://rooms.example/", MockConfig::roomBaseUrl, "https://rooms.example"),
        option("jwt-secret", "key", MockConfig::jwtSecret, "key"),
        option("body-limit", "2048", MockConfig::bodyLimitBytes, 2048),
        option("webhook-retry-interval", "0.5", MockConfig::webhookRetryInterval, Duration.ofMillis(500)),
        option("request-timeout", "2.5", c -> c.limits().requestTimeout(), Duration.ofMillis(2500)),
        option("idle-timeout", "60", c -> c.limits().idleTimeout(), Duration.ofSeconds(60)),
        option("delivery-log-bytes", "16m", c -> c.limits().deliveryLogBytes(), 16L << 20),
        option("delivery-queue-bytes", "512k", c -> c.limits().deliveryQueueBytes(), 512L << 10),
        option("receiver-log-bytes", "1g", c -> c.limits().receiverLogBytes(), 1L << 30),
        option("data-bytes", "100000", c -> c.limits().dataBytes(), 100_000L),
        option("journal-total-bytes", "64m", c -> c.limits().journalTotalBytes(), 64L << 20),
        option("max-tenants", "50", c -> c.limits().maxTenants(), 50),
        option("max-receivers", "7", c -> c.limits().maxReceivers(), 7),
        option("control-token", "s3cret", c -> c.controlPlane().token(), "s3cret"),
        option("control-plane", "off", c -> c.controlPlane().enabled(), false),
        option("event-loops", "3", MockConfig::eventLoops, 3),
        option("allowed-hosts", "ldmock, ci.internal", c -> c.controlPlane().allowedHosts(),
            java.util.List.of("ldmock", "ci.internal")),
        option("state-dir", "/var/lib/ldmock", c -> c.localDev().stateDir(), java.nio.file.Path.of("/var/lib/ldmock")),
        option("state-save-interval", "2.5", c -> c.localDev().stateSaveInterval(), Duration.ofMillis(2500)),
        option("host-loopback-alias", "host.docker.internal", c -> c.localDev().hostLoopbackAlias(),
            "host.docker.internal"),
        option("host-relay", "http://ldmock:t0k3n@host.docker.internal:41234", c -> c.localDev().hostRelay(),
            "http://ldmock:t0k3n@host.docker.internal:41234"),
        option("verbose", "on", c -> c.localDev().verbose(), true));
  }

  @Test
  void localDevelopmentIsOffByDefault() {
    MockConfig config = MockConfig.parse(NO_ARGS, Map.of());
    assertNull(config.localDev().stateDir());
    assertEquals(Duration.ofSeconds(10), config.localDev().stateSaveInterval());
    assertNull(config.localDev().hostLoopbackAlias(), "webhooks go where they are registered");
    assertNull(config.localDev().hostRelay());
    assertFalse(config.localDev().verbose());
    assertFalse(config.localDev().jwtSecretGiven());
    assertTrue(MockConfig.parse(new String[] {"--jwt-secret", "k"}, Map.of()).localDev().jwtSecretGiven());
    assertNull(MockConfig.parse(NO_ARGS, Map.of("LDMOCK_HOST_LOOPBACK_ALIAS", "off")).localDev().hostLoopbackAlias());
  }

  @Test
  void verboseIsAFlagThatNeedsNoValue() {
    assertTrue(MockConfig.parse(new String[] {"--verbose"}, Map.of()).localDev().verbose());
    assertTrue(MockConfig.parse(new String[] {"--verbose", "--port", "0"}, Map.of()).localDev().verbose());
    assertFalse(MockConfig.parse(new String[] {"--verbose", "off"}, Map.of()).localDev().verbose());
    assertEquals(0, MockConfig.parse(new String[] {"--verbose", "--port", "0"}, Map.of()).port());
  }

  @Test
  void memoryLimitsDefaultToSharesOfTheMaxHeap() {
    long heap = Runtime.getRuntime().maxMemory();
    MockConfig config = MockConfig.parse(NO_ARGS, Map.of());
    assertEquals(heap / 32 * 18, config.limits().dataBytes());
    assertEquals(heap / 32, config.limits().deliveryLogBytes());
    assertEquals(heap / 32, config.limits().receiverLogBytes());
    assertEquals(heap / 32, config.limits().deliveryQueueBytes());
    assertEquals(heap / 32, config.limits().journalTotalBytes());
    assertEquals(10_000, config.limits().maxTenants());
    assertEquals(1_000, config.limits().maxReceivers());
    assertEquals(Duration.ofSeconds(30), config.limits().requestTimeout());
    assertEquals(Duration.ofSeconds(180), config.limits().idleTimeout());
  }

  @Test
  void theControlPlaneIsOnWithoutATokenForLoopbackByDefault() {
    MockConfig config = MockConfig.parse(NO_ARGS, Map.of());
    assertTrue(config.controlPlane().enabled());
    assertNull(config.controlPlane().token());
    assertEquals(java.util.List.of(), config.controlPlane().allowedHosts());
  }

  @ParameterizedTest(name = "--{0}")
  @MethodSource("options")
  void everyOptionIsAFlagAndAnEnvironmentVariable(String name, String value, Function<MockConfig, Object> read,
                                                  Object expected) {
    assertEquals(expected, read.apply(MockConfig.parse(new String[] {"--" + name, value}, Map.of())));
    assertEquals(expected, read.apply(MockConfig.parse(new String[] {"--" + name + "=" + value}, Map.of())));
    assertEquals(expected, read.apply(MockConfig.parse(NO_ARGS, Map.of(env(name), value))));
  }

  @Test
  void aFlagBeatsTheEnvironment() {
    Map<String, String> env = Map.of("LDMOCK_PORT", "9000", "LDMOCK_CLIENT_ID", "from-env");

    MockConfig config = MockConfig.parse(new String[] {"--port", "9001"}, env);

    assertEquals(9001, config.port());
    assertEquals("from-env", config.demo().clientId());
  }

  @Test
  void portZeroPicksAFreePort() {
    MockConfig config = MockConfig.parse(new String[] {"--port", "0", "--seed", "5"}, Map.of());
    assertEquals(0, config.port());

    try (MockServer server = MockServer.start(config)) {
      assertTrue(server.port() > 0, "bound port " + server.port());
      assertEquals("http://127.0.0.1:" + server.port(), server.baseUrl());
      given().baseUri(server.baseUrl()).get("/_mock/health").then().statusCode(200);
    }
  }

  static Stream<Arguments> badArguments() {
    return Stream.of(
        Arguments.of(new String[] {"--port", "abc"}, "--port"),
        Arguments.of(new String[] {"--port", "65536"}, "--port"),
        Arguments.of(new String[] {"--port", "-1"}, "--port"),
        Arguments.of(new String[] {"--seed", "x"}, "--seed"),
        Arguments.of(new String[] {"--plan", "gold"}, "--plan"),
        Arguments.of(new String[] {"--body-limit", "10"}, "--body-limit"),
        Arguments.of(new String[] {"--webhook-retry-interval", "soon"}, "--webhook-retry-interval"),
        Arguments.of(new String[] {"--webhook-retry-interval", "-1"}, "--webhook-retry-interval"),
        Arguments.of(new String[] {"--data-bytes", "lots"}, "--data-bytes"),
        Arguments.of(new String[] {"--data-bytes", "1k"}, "--data-bytes"),
        Arguments.of(new String[] {"--delivery-log-bytes", "-5m"}, "--delivery-log-bytes"),
        Arguments.of(new String[] {"--max-tenants", "1"}, "--max-tenants"),
        Arguments.of(new String[] {"--request-timeout", "0"}, "--request-timeout"),
        Arguments.of(new String[] {"--control-plane", "maybe"}, "--control-plane"),
        Arguments.of(new String[] {"--event-loops", "0"}, "--event-loops"),
        Arguments.of(new String[] {"--event-loops", "many"}, "--event-loops"),
        Arguments.of(new String[] {"--host-relay", "ftp://x:1"}, "--host-relay"),
        Arguments.of(new String[] {"--host-relay", "http://no-port"}, "--host-relay"),
        Arguments.of(new String[] {"--host-loopback-alias", "http://host.docker.internal"}, "--host-loopback-alias"),
        Arguments.of(new String[] {"--state-save-interval", "-1"}, "--state-save-interval"),
        Arguments.of(new String[] {"--nope", "1"}, "--nope"),
        Arguments.of(new String[] {"--port"}, "--port"),
        Arguments.of(new String[] {"8080"}, "8080"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArguments")
  void aBadFlagIsRefusedWithAMessageNamingIt(String[] args, String named) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MockConfig.parse(args, Map.of()));
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }

  @Test
  void aBadEnvironmentValueIsRefusedToo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MockConfig.parse(NO_ARGS, Map.of("LDMOCK_PORT", "eighty")));
    assertTrue(e.getMessage().contains("--port"), e.getMessage());
  }

  private static String env(String option) {
    return "LDMOCK_" + option.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  private static Arguments option(String name, String value, Function<MockConfig, Object> read, Object expected) {
    return Arguments.of(name, value, read, expected);
  }
}
