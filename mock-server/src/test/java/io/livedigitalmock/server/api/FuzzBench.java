package io.livedigitalmock.server.api;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.Fuzzer;
import java.util.Map;

/**
 * The fuzz test's run at any length and seed ({@code mock-server/bench/fuzz.sh [requests] [seed]}):
 * prints the statuses seen and every violation, and exits 1 if there was one or the mock is not
 * healthy afterwards.
 */
public final class FuzzBench {

  private FuzzBench() {
  }

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
    int failures;
    try (MockServer server = MockServer.start(MockConfig.parse(new String[] {"--port", "0", "--seed", "3",
        "--webhook-retry-interval", "0.05", "--webhook-timeout", "1"}, Map.of()))) {
      Fuzzer.Result result = new Fuzzer(server.baseUrl(), server.port(), seed).run(requests);
      System.out.printf("fuzz: %d requests in %d ms (seed %d), statuses %s%n", result.requests(), result.millis(), seed,
          result.statuses());
      result.violations().forEach(v -> System.out.println("VIOLATION " + v));
      int health = io.restassured.RestAssured.get(server.baseUrl() + "/_mock/health").statusCode();
      System.out.println("health after: " + health);
      failures = result.violations().size() + (health == 200 ? 0 : 1);
    }
    System.exit(failures == 0 ? 0 : 1);
  }
}
