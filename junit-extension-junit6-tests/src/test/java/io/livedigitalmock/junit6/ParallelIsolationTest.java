package io.livedigitalmock.junit6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Three classes at once on JUnit 6's parallel executor: a tenant each, no shared state. */
class ParallelIsolationTest {

  static final CyclicBarrier ALL_FILLED = new CyclicBarrier(3);
  static final Map<String, String> CLIENTS = new ConcurrentHashMap<>();

  @Test
  void parallelClassesAreIsolated() {
    var results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(A.class), selectClass(B.class), selectClass(C.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
        .execute();
    results.testEvents().failed().stream().forEach(e -> e.getPayload(
        org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
        .ifPresent(t -> { throw new AssertionError("a parallel class failed", t); }));
    results.testEvents().assertStatistics(s -> s.succeeded(3));
    assertEquals(3, Set.copyOf(CLIENTS.values()).size());
  }

  abstract static class School {
    @Test
    void seesOnlyItsOwn(Livedigital mock) throws Exception {
      String me = getClass().getSimpleName();
      CLIENTS.put(me, mock.clientId());
      String spaceId = mock.seed().createSpace(me);
      String roomId = mock.seed().createRoom(spaceId, me + " room").id();
      mock.simulate().join(roomId, me + " pupil");
      ALL_FILLED.await(60, TimeUnit.SECONDS);
      assertEquals(1, mock.tenant().links().size() + 1);   // the tenant API answers for this tenant only
      assertEquals(1, mock.simulate().roomState(roomId).participantIds().size());
      var names = new java.util.ArrayList<String>();
      io.livedigitalmock.junit.TenantControl.PersonalToken token = mock.tenant().mintPersonalToken();
      var client = java.net.http.HttpClient.newHttpClient();
      var response = client.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(mock.apiBaseUrl() + "/spaces"))
          .header("Authorization", "Bearer " + token.token()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      var items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("items");
      items.forEach(i -> names.add(i.path("name").asText()));
      assertEquals(java.util.List.of(me), names);
    }
  }

  @LivedigitalMock
  static class A extends School {
  }

  @LivedigitalMock
  static class B extends School {
  }

  @LivedigitalMock
  static class C extends School {
  }
}
