package io.livedigitalmock.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every trigger of the rule engine, and its guarantees: one fault per request, seeded repeats, tenants apart. */
class FaultBookTest {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final RequestMatch.Probe NOTHING = new RequestMatch.Probe() {
    @Override
    public List<String> headers(String name) {
      return List.of();
    }

    @Override
    public String body() {
      return "";
    }
  };

  private static FaultRule rule(Trigger trigger) {
    return new FaultRule(null, Target.operation("createRoom"), null, trigger, Effect.respond(503, null, null, null));
  }

  private static Trigger when(Integer times, Integer nth, Integer every, Integer after, Double probability, long seed) {
    return new Trigger(null, null, times, nth, every, after, probability, seed);
  }

  /** Which of {@code n} createRoom requests (1-based) the book faults. */
  private static List<Integer> fired(FaultBook book, String clientId, int n, Instant at) {
    List<Integer> hits = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      if (book.decideRequest(clientId, "createRoom", NOTHING, at, at) != null) {
        hits.add(i);
      }
    }
    return hits;
  }

  private static FaultBook book(Trigger trigger) {
    FaultBook book = new FaultBook();
    book.add("a", List.of(rule(trigger)), T0);
    return book;
  }

  @Test
  void alwaysFiresOnEveryMatch() {
    assertEquals(List.of(1, 2, 3, 4), fired(book(Trigger.ALWAYS), "a", 4, T0));
  }

  @Test
  void timesFiresOnTheFirstN() {
    assertEquals(List.of(1, 2), fired(book(when(2, null, null, null, null, 0)), "a", 5, T0));
  }

  @Test
  void nthFiresOnlyOnTheNth() {
    assertEquals(List.of(3), fired(book(when(null, 3, null, null, null, 0)), "a", 7, T0));
  }

  @Test
  void everyFiresOnEachNth() {
    assertEquals(List.of(3, 6, 9), fired(book(when(null, null, 3, null, null, 0)), "a", 10, T0));
  }

  @Test
  void afterSuccessesFiresOnceNWentThrough() {
    assertEquals(List.of(3, 4, 5), fired(book(when(null, null, null, 2, null, 0)), "a", 5, T0));
    assertEquals(List.of(3, 4), fired(book(when(2, null, null, 2, null, 0)), "a", 6, T0), "capped by times");
  }

  @Test
  void aSeededProbabilityGivesTheSameSequenceTwice() {
    Trigger coin = when(null, null, null, null, 0.3, 42);
    List<Integer> first = fired(book(coin), "a", 200, T0);
    List<Integer> second = fired(book(coin), "a", 200, T0);
    assertEquals(first, second);
    assertTrue(first.size() > 30 && first.size() < 90, "about 30 % of 200: " + first.size());
    assertNotEquals(first, fired(book(when(null, null, null, null, 0.3, 43)), "a", 200, T0), "another seed");
    assertEquals(List.of(), fired(book(when(null, null, null, null, 0.0, 1)), "a", 20, T0));
    assertEquals(20, fired(book(when(null, null, null, null, 1.0, 1)), "a", 20, T0).size());
  }

  @Test
  void aWindowOfMockTimeGatesAndCountsOnlyInside() {
    FaultBook book = book(new Trigger(Duration.ofSeconds(30), Duration.ofSeconds(30), null, 2, null, null, null, 0));
    assertEquals(List.of(), fired(book, "a", 3, T0.plusSeconds(29)), "before the window nothing counts");
    assertEquals(List.of(2), fired(book, "a", 3, T0.plusSeconds(30)), "the 2nd match inside the window");
    assertEquals(List.of(), fired(book, "a", 3, T0.plusSeconds(60)), "closed after 30 s");
    ArmedRule r = book.rules("a").get(0);
    assertFalse(r.inWindow(T0.plusSeconds(60)));
    assertEquals(3, r.matched());
  }

  @Test
  void oneFaultPerRequestTheFirstRuleWinsAndEveryRuleCounts() {
    FaultBook book = new FaultBook();
    book.add("a", List.of(rule(when(1, null, null, null, null, 0)),
        new FaultRule("second", Target.operation("createRoom"), null, when(null, 2, null, null, null, 0),
            Effect.of(Effect.Kind.RESET))), T0);
    assertEquals(Effect.Kind.RESPOND, book.decideRequest("a", "createRoom", NOTHING, T0, T0).kind());
    assertEquals(Effect.Kind.RESET, book.decideRequest("a", "createRoom", NOTHING, T0, T0).kind(),
        "the second rule counted the first request too");
    assertNull(book.decideRequest("a", "createRoom", NOTHING, T0, T0));
  }

  @Test
  void rulesOfOneTenantNeverTouchAnother() throws InterruptedException {
    FaultBook book = new FaultBook();
    book.add("a", List.of(rule(Trigger.ALWAYS)), T0);
    book.add("b", List.of(rule(when(null, 5, null, null, null, 0))), T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Integer> a = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Integer> b = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(4);
    for (int t = 0; t < 4; t++) {
      boolean tenantA = t % 2 == 0;
      pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          boolean hit = book.decideRequest(tenantA ? "a" : "b", "createRoom", NOTHING, T0, T0) != null;
          (tenantA ? a : b).add(hit ? 1 : 0);
        }
        done.countDown();
      });
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    pool.shutdown();
    assertEquals(100, a.stream().mapToInt(Integer::intValue).sum(), "a's rule fires on all of a's requests");
    assertEquals(1, b.stream().mapToInt(Integer::intValue).sum(), "b's 5th request only, whatever a does");
    assertNull(book.decideRequest("c", "createRoom", NOTHING, T0, T0), "a tenant with no rules");
  }

  @Test
  void serverWideRulesApplyToEveryTenantAndToRequestsOfNone() {
    FaultBook book = new FaultBook();
    book.add(null, List.of(rule(Trigger.ALWAYS)), T0);
    assertTrue(book.targets("createRoom"));
    assertFalse(book.targets("getMe"));
    assertEquals(503, book.decideRequest("a", "createRoom", NOTHING, T0, T0).effect().status());
    assertEquals(503, book.decideRequest(null, "createRoom", NOTHING, T0, T0).effect().status());
  }

  @Test
  void aResetDropsTheTenantsRulesAndBringsBackThoseItWasBornWith() {
    FaultBook book = new FaultBook();
    book.setBirthRules("a", List.of(rule(when(null, 1, null, null, null, 0))));
    book.reset("a", T0);
    book.add("a", List.of(rule(Trigger.ALWAYS)), T0);
    assertEquals(2, book.rules("a").size());
    book.reset("a", T0.plusSeconds(5));
    assertEquals(1, book.rules("a").size());
    assertEquals(T0.plusSeconds(5), book.rules("a").get(0).loadedAt(), "its window starts again");
    book.clear("a");
    assertFalse(book.targets("createRoom"));
  }

  @Test
  void matchOnBodyAndHeaders() {
    FaultBook book = new FaultBook();
    book.add("a", List.of(new FaultRule(null, Target.operation("createRoom"), new RequestMatch(
        java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"webinar\""),
        java.util.Map.of("X-Source", java.util.regex.Pattern.compile("^lms")), null), Trigger.ALWAYS,
        Effect.of(Effect.Kind.RESET))), T0);
    assertNull(book.decideRequest("a", "createRoom", probe("{\"type\":\"webinar\"}", "app"), T0, T0));
    assertNull(book.decideRequest("a", "createRoom", probe("{\"type\":\"lesson\"}", "lms-7"), T0, T0));
    assertEquals(Effect.Kind.RESET,
        book.decideRequest("a", "createRoom", probe("{\"type\": \"webinar\"}", "lms-7"), T0, T0).kind());
  }

  private static RequestMatch.Probe probe(String body, String source) {
    return new RequestMatch.Probe() {
      @Override
      public List<String> headers(String name) {
        return name.equalsIgnoreCase("X-Source") ? List.of(source) : List.of();
      }

      @Override
      public String body() {
        return body;
      }
    };
  }

  private static FaultRule on(String operation, int status) {
    return new FaultRule(null, Target.operation(operation), null, Trigger.ALWAYS, Effect.respond(status, null, null, null));
  }

  /** Rules are looked up by operation, and still in the order they were added, "*" ones among them. */
  @Test
  void theFirstRuleAddedThatCoversTheOperationFiresWhateverElseIsThere() {
    FaultBook book = new FaultBook();
    book.add("a", List.of(on("getRooms", 501), on(Target.ANY_OPERATION, 502), on("createRoom", 503)), T0);
    book.add(null, List.of(on("createRoom", 504)), T0);

    assertEquals(502, book.decideRequest("a", "createRoom", NOTHING, T0, T0).effect().status());
    assertEquals(501, book.decideRequest("a", "getRooms", NOTHING, T0, T0).effect().status());
    assertEquals(502, book.decideRequest("a", "getMe", NOTHING, T0, T0).effect().status());
    assertEquals(504, book.decideRequest("b", "createRoom", NOTHING, T0, T0).effect().status(), "server-wide");
    assertNull(book.decideRequest("b", "getMe", NOTHING, T0, T0));
    List<ArmedRule> rules = book.rules("a");
    assertEquals(List.of(1L, 3L, 1L), rules.stream().map(ArmedRule::matched).toList(),
        "every rule that covers a request counts it; the one on getRooms only its own");

    book.remove("a", rules.get(1).id());
    assertEquals(503, book.decideRequest("a", "createRoom", NOTHING, T0, T0).effect().status());
    assertNull(book.decideRequest("a", "getMe", NOTHING, T0, T0), "the rule on every operation is gone");
    book.clear("a");
    assertEquals(504, book.decideRequest("a", "createRoom", NOTHING, T0, T0).effect().status());
  }

  @Test
  void latencyShapes() {
    SplittableRandom random = new SplittableRandom(1);
    assertEquals(250, Latency.fixed(250).sample(random));
    for (int i = 0; i < 200; i++) {
      long u = Latency.uniform(100, 200).sample(random);
      assertTrue(u >= 100 && u <= 200, "uniform " + u);
    }
    Latency tail = Latency.longTail(100, 1_000, 3_000);
    List<Long> draws = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      draws.add(tail.sample(random));
    }
    draws.sort(null);
    assertTrue(draws.get(1_000) > 70 && draws.get(1_000) < 140, "median near 100: " + draws.get(1_000));
    assertTrue(draws.get(1_980) > 600 && draws.get(1_980) < 1_600, "p99 near 1000: " + draws.get(1_980));
    assertTrue(draws.get(1_999) <= 3_000, "capped");
  }
}
