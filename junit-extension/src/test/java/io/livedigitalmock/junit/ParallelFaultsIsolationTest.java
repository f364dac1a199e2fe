package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.restassured.RestAssured;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Two classes run concurrently: one scripts every operation to fail, the other never sees it. */
class ParallelFaultsIsolationTest {

  static final CyclicBarrier BOTH_READY = new CyclicBarrier(2);

  @Test
  void rulesOfTwoTenantsUnderParallelTestsStayApart() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Outage.class), selectClass(Calm.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .execute();
    results.testEvents().failed().stream().forEach(e -> e.getPayload(
        org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
        .ifPresent(t -> { throw new AssertionError("a parallel class failed", t); }));
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  private static int getMe(Livedigital mock) {
    return RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken()).get("/users/me")
        .statusCode();
  }

  @LivedigitalMock
  static class Outage {
    @Test
    void everythingFailsHere(Livedigital mock) throws Exception {
      mock.faults().on("*").respond(503);
      BOTH_READY.await(30, TimeUnit.SECONDS);
      assertEquals(503, getMe(mock));
      BOTH_READY.await(30, TimeUnit.SECONDS);
    }
  }

  @LivedigitalMock
  static class Calm {
    @Test
    void nothingFailsHere(Livedigital mock) throws Exception {
      mock.userToken();
      BOTH_READY.await(30, TimeUnit.SECONDS);
      for (int i = 0; i < 5; i++) {
        assertEquals(200, getMe(mock));
      }
      BOTH_READY.await(30, TimeUnit.SECONDS);
      assertEquals(0, mock.journal().requests(RequestFilter.any().faulted(true)).size());
    }
  }
}
