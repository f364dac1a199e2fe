package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Three classes run concurrently (JUnit's parallel execution, as users turn it on), each fills its
 * tenant, waits until all three have, and then must see only its own data.
 */
class ParallelTenantIsolationTest {

  static final CyclicBarrier ALL_THREE_FILLED = new CyclicBarrier(3);
  static final Map<String, String> CLIENT_BY_CLASS = new ConcurrentHashMap<>();
  static final Set<String> BASE_URLS = ConcurrentHashMap.newKeySet();

  @Test
  void parallelClassesNeverSeeEachOthersState() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(SchoolA.class), selectClass(SchoolB.class), selectClass(SchoolC.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
        .execute();
    results.testEvents().failed().stream().forEach(e -> e.getPayload(
        org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
        .ifPresent(t -> { throw new AssertionError("a parallel class failed", t); }));
    results.containerEvents().assertStatistics(s -> s.failed(0));
    results.testEvents().assertStatistics(s -> s.started(6).succeeded(6));
    assertEquals(3, Set.copyOf(CLIENT_BY_CLASS.values()).size(), "a tenant per class: " + CLIENT_BY_CLASS);
    assertEquals(1, BASE_URLS.size(), "one server shared by all three: " + BASE_URLS);
  }

  abstract static class School {

    @Test
    void seesOnlyItsOwnSpacesWhileTheOthersAreFilled(Livedigital mock) throws Exception {
      String school = getClass().getSimpleName();
      CLIENT_BY_CLASS.put(school, mock.clientId());
      BASE_URLS.add(mock.baseUrl());
      for (int i = 0; i < 5; i++) {
        mock.seed().createSpace(school + " space " + i);
      }
      ALL_THREE_FILLED.await(60, TimeUnit.SECONDS);   // proves the classes overlap; times out otherwise
      List<String> names = RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
          .get("/spaces").then().statusCode(200).extract().path("items.name");
      assertEquals(5, names.size(), names.toString());
      assertTrue(names.stream().allMatch(n -> n.startsWith(school + " ")), names.toString());
    }

    @Test
    void webhooksOfOtherSchoolsNeverShowUpInItsDeliveryLog(Livedigital mock) {
      String spaceId = mock.seed().createSpace("with webhook");
      String roomId = mock.seed().createRoom(spaceId, "room").id();
      mock.seed().registerWebhook(spaceId, mock.receivers().create().url());
      mock.simulate().leave(mock.simulate().join(roomId, "only one"));
      mock.deliveries().awaitNext("call_finished", Duration.ofSeconds(30));
      Set<String> rooms = mock.deliveries().list().stream().map(Delivery::roomId).collect(Collectors.toSet());
      assertEquals(Set.of(roomId), rooms);
    }
  }

  @LivedigitalMock
  static class SchoolA extends School {
  }

  @LivedigitalMock
  static class SchoolB extends School {
  }

  @LivedigitalMock
  static class SchoolC extends School {
  }
}
