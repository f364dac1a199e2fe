package io.livedigitalmock.server.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.Fuzzer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A few thousand generated requests over every operation ({@link Fuzzer}; seeded, so a failure comes
 * back with the same seed): no 5xx, no error without the JSON shape, no request left unanswered, and
 * the mock healthy after. Longer runs: {@code mock-server/bench/fuzz.sh [requests] [seed]}.
 */
class FuzzTest {

  static final int REQUESTS = 3_000;
  static final long SEED = 1;

  @Test
  void generatedRequestsGetNo5xxAndOnlyJsonErrors() throws Exception {
    try (MockServer server = MockServer.start(MockConfig.parse(new String[] {"--port", "0", "--seed", "3",
        "--webhook-retry-interval", "0.05", "--webhook-timeout", "1"}, Map.of()))) {
      Fuzzer.Result result = new Fuzzer(server.baseUrl(), server.port(), SEED).run(REQUESTS);
      System.out.printf("fuzz: %d requests in %d ms (seed %d), statuses %s%n", result.requests(), result.millis(), SEED,
          result.statuses());

      assertEquals(java.util.List.of(), result.violations().stream().limit(20).toList(),
          result.violations().size() + " violations");
      assertTrue(result.statuses().keySet().stream().allMatch(s -> s < 500), result.statuses().toString());
      given().baseUri(server.baseUrl()).get("/_mock/health").then().statusCode(200);
      given().baseUri(server.baseUrl()).contentType("application/json")
          .body(Map.of("grant_type", "client_credentials", "client_id", "demo-client", "client_secret", "demo-secret"))
          .post("/v1/auth/token").then().statusCode(200);
    }
  }
}
