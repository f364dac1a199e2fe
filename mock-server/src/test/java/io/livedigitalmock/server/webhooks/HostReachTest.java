package io.livedigitalmock.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Where a webhook URL goes from a mock in a container (the mock listening on 8080 there). */
class HostReachTest {

  private final HostReach alias = new HostReach("host.docker.internal", null, 8080);
  private final HostReach relay = new HostReach("host.docker.internal", "http://ldmock:t0k3n@host.docker.internal:41234", 8080);

  @Test
  void aLoopbackUrlGoesToTheAliasWithItsPortPathAndQuery() {
    for (String host : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "[::1]", "LOCALHOST"}) {
      HostReach.Route route = alias.route("http://" + host + ":3000/hooks/lms?school=7&x=%20y");
      assertEquals("http://host.docker.internal:3000/hooks/lms?school=7&x=%20y", route.url(), host);
      assertEquals(route.url(), route.sentTo());
      assertNull(route.proxy());
    }
    assertEquals("https://host.docker.internal/h", alias.route("https://localhost/h").url());
  }

  @Test
  void withARelayTheUrlStaysAndGoesThroughIt() {
    HostReach.Route route = relay.route("http://localhost:3000/hooks");
    assertEquals("http://localhost:3000/hooks", route.url());
    assertNotNull(route.proxy());
    assertEquals("host.docker.internal", route.proxy().getHost());
    assertEquals(41234, route.proxy().getPort());
    assertEquals("ldmock", route.proxy().getUsername());
    assertEquals("t0k3n", route.proxy().getPassword());
    assertEquals("http://localhost:3000/hooks via host relay host.docker.internal:41234", route.sentTo());
  }

  @Test
  void otherHostsAndTheMocksOwnReceiversStayAsRegistered() {
    for (HostReach reach : new HostReach[] {alias, relay, HostReach.direct()}) {
      for (String url : new String[] {"https://lms.example/hooks", "http://10.0.0.5:3000/h",
          "http://127.0.0.1:8080/_mock/receivers/ab12", "http://localhost:8080/_mock/receivers/ab12", "not a url"}) {
        HostReach.Route route = reach.route(url);
        assertEquals(url, route.url());
        assertNull(route.sentTo());
        assertNull(route.proxy());
      }
    }
    assertEquals("http://localhost:3000/h", HostReach.direct().route("http://localhost:3000/h").url());
  }
}
