package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code scenario} loads before every test; {@code failOnUnmatchedRequests} fails a test that called an unknown route. */
@LivedigitalMock(scenario = "scenarios/school-outage.yaml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioAttributeTest {

  private static List<Integer> createRooms(Livedigital mock, int n) {
    String spaceId = mock.seed().createSpace("Lyceum 7");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statuses.add(RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
          .contentType("application/json").body(Map.of("name", "Lesson")).post("/spaces/" + spaceId + "/rooms")
          .statusCode());
    }
    return statuses;
  }

  private static int appToken(Livedigital mock) {
    return RestAssured.given().baseUri(mock.apiBaseUrl()).contentType("application/json")
        .body(Map.of("client_id", mock.clientId(), "client_secret", mock.clientSecret(),
            "grant_type", "client_credentials")).post("/auth/token").statusCode();
  }

  @Test
  @Order(1)
  void theScenarioFromTheClasspathIsInForce(Livedigital mock) {
    assertEquals(List.of(201, 201, 503), createRooms(mock, 3));
    assertEquals(200, appToken(mock));
    mock.clock().advance(Duration.ofSeconds(30));
    assertEquals(503, appToken(mock), "then the token endpoint is down for 30 s");
    mock.clock().advance(Duration.ofSeconds(30));
    assertEquals(200, appToken(mock), "then everything recovers");
  }

  @Test
  @Order(2)
  void andIsLoadedAgainForTheNextTest(Livedigital mock) {
    assertEquals(List.of(201, 201, 503), createRooms(mock, 3));
  }

  @Test
  @Order(3)
  void failOnUnmatchedRequestsListsUnknownRoutesAndUnexplainedServerErrors() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Strict.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false").execute();
    results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
    Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertTrue(failure.getMessage().startsWith("failOnUnmatchedRequests"), failure.getMessage());
    assertTrue(failure.getMessage().contains("GET /v1/classrooms (unknown route) -> 404"), failure.getMessage());
  }

  @LivedigitalMock(failOnUnmatchedRequests = true)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class Strict {

    @Test
    @Order(1)
    void callsARouteTheMockDoesNotKnow(Livedigital mock) {
      RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken()).get("/classrooms");
    }

    @Test
    @Order(2)
    void aServerErrorAFaultCausedIsFine(Livedigital mock) {
      mock.faults().on("getMe").respond(500);
      RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken()).get("/users/me")
          .then().statusCode(500);
    }
  }
}
