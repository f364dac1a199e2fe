package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * One server per distinct server configuration for the whole run (root store); plan, seed and tenant
 * mode do not make a new server. Closed when the run ends.
 */
class ServerSharingTest {

  static final Map<String, Livedigital> SEEN = new ConcurrentHashMap<>();

  @Test
  void classesShareAServerUnlessTheirServerSettingsDiffer() throws Exception {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Pro.class), selectClass(Basic.class), selectClass(SlowRetries.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .execute().testEvents().assertStatistics(s -> s.succeeded(3));
    assertEquals(SEEN.get("Pro").baseUrl(), SEEN.get("Basic").baseUrl(), "plan is per tenant: same server");
    assertNotEquals(SEEN.get("Pro").clientId(), SEEN.get("Basic").clientId());
    assertNotEquals(SEEN.get("Pro").baseUrl(), SEEN.get("SlowRetries").baseUrl(), "another retry interval");

    // the run is over: its servers are closed
    int port = java.net.URI.create(SEEN.get("Pro").baseUrl()).getPort();
    try (var socket = new java.net.Socket()) {
      org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
          () -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000));
    }
  }

  abstract static class Recorder {
    @Test
    void record(Livedigital mock) {
      SEEN.put(getClass().getSimpleName(), mock);
    }
  }

  @LivedigitalMock
  static class Pro extends Recorder {
  }

  @LivedigitalMock(plan = "basic", tenantPerMethod = true)
  static class Basic extends Recorder {
  }

  @LivedigitalMock(webhookRetryIntervalSeconds = 5)
  static class SlowRetries extends Recorder {
  }
}
