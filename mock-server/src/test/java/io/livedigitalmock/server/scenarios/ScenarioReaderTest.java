package io.livedigitalmock.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.faults.Effect;
import io.livedigitalmock.server.faults.FaultRule;
import io.livedigitalmock.server.faults.Latency;
import io.livedigitalmock.server.faults.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario files: what they say, and errors that name the line and field of every problem. */
class ScenarioReaderTest {

  @Test
  void readsEveryPartOfARule() {
    Scenario s = ScenarioReader.scenario("""
        name: school outage
        description: what it does
        tenant: school-lms
        rules:
          - name: third room creation fails
            on: POST /v1/spaces/{spaceId}/rooms
            match:
              body: webinar
              headers: {X-Source: "^lms"}
            when: {nth: 3, from: 30s, for: 1.5m}
            respond:
              status: 503
              body: {statusCode: 503, message: down}
          - on: "*"
            when: {probability: 0.25, seed: 9, times: 4}
            respond: {status: 429}
          - on: webhooks
            match: {event: [call_finished, call_started]}
            delay: {median: 100ms, p99: 2s, max: 5s}
            fault: duplicate
          - on: recordings
            fault: fail
        """);
    assertEquals("school outage", s.name());
    assertEquals("school-lms", s.tenant());
    FaultRule first = s.rules().get(0);
    assertEquals(Target.operation("createRoom"), first.target());
    assertEquals("webinar", first.match().body().pattern());
    assertEquals(3, first.trigger().nth());
    assertEquals(Duration.ofSeconds(30), first.trigger().from());
    assertEquals(Duration.ofSeconds(90), first.trigger().length());
    assertEquals("{\"statusCode\":503,\"message\":\"down\"}", first.effect().body());
    assertEquals("application/json; charset=utf-8", first.effect().contentType());
    FaultRule second = s.rules().get(1);
    assertEquals(0.25, second.trigger().probability());
    assertEquals(9, second.trigger().seed());
    assertEquals("1", second.effect().headers().get("Retry-After"), "429 says when to come back");
    FaultRule third = s.rules().get(2);
    assertEquals(Effect.Kind.DUPLICATE, third.effect().kind());
    assertEquals(Latency.longTail(100, 2_000, 5_000), third.effect().delay());
    assertEquals(java.util.Set.of("call_finished", "call_started"), third.match().events());
    assertEquals(Target.RECORDINGS, s.rules().get(3).target());
  }

  @Test
  void jsonIsReadToo() {
    List<FaultRule> rules = ScenarioReader.rules("{\"on\":\"getAccessToken\",\"fault\":\"reset\"}");
    assertEquals(Effect.Kind.RESET, rules.get(0).effect().kind());
  }

  @Test
  void everyProblemIsReportedWithItsLineAndField() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.scenario("""
        name: broken
        rules:
          - on: createRoom
            respond: {status: 503}
          - on: createRoom
            respond: {status: 503}
          - on: createRoom
            when:
              times: 0
            respond: {status: 503}
          - on: createRom
            fault: reset
          - on: webhooks
            fault: reset
          - on: getMe
            delay: 3 parsecs
            colour: red
        """));
    List<String> p = e.problems();
    assertEquals("line 9, field rules[2].when.times: must be a positive integer", p.get(0));
    assertTrue(p.get(1).startsWith("line 11, field rules[3].on: no operation createRom; one of: *, webhooks,"),
        p.get(1));
    assertTrue(p.get(1).contains("createRoom"), "lists the valid names");
    assertEquals("line 14, field rules[4].fault: reset does not apply to webhooks; there: delay, fault: duplicate, "
        + "fault: outOfOrder, fault: wrongSignature, fault: drop", p.get(2));
    assertTrue(p.contains("line 17, field rules[5].colour: unknown field; expected one of "
        + "[delay, fault, match, name, on, respond, when]"), p.toString());
    assertTrue(p.contains("line 16, field rules[5].delay: must be a duration such as 250ms, 2s, 1.5m or 1h"),
        p.toString());
  }

  @Test
  void syntaxErrorsAndRepeatedKeysNameTheirLine() {
    ScenarioException yaml = assertThrows(ScenarioException.class,
        () -> ScenarioReader.scenario("rules:\n  - on: getMe\n    fault: [reset\n"));
    assertTrue(yaml.getMessage().matches("line \\d: not valid YAML: .*"), yaml.getMessage());
    ScenarioException json = assertThrows(ScenarioException.class,
        () -> ScenarioReader.scenario("{\"rules\": [\n {\"on\": \"getMe\",}\n]}"));
    assertTrue(json.getMessage().startsWith("line 2: not valid JSON"), json.getMessage());
    ScenarioException twice = assertThrows(ScenarioException.class,
        () -> ScenarioReader.scenario("rules:\n  - on: getMe\n    on: getSpaces\n    fault: reset\n"));
    assertEquals("line 3, field rules[0].on: given twice", twice.getMessage());
    assertEquals("the document is empty",
        assertThrows(ScenarioException.class, () -> ScenarioReader.scenario("")).getMessage());
    assertEquals("line 1: rules is missing: a scenario needs a list of rules",
        assertThrows(ScenarioException.class, () -> ScenarioReader.scenario("name: x")).getMessage());
  }

  @Test
  void aRuleNeedsOneEffect() {
    assertEquals("line 1: no effect: give respond, fault or delay (delay may go with either)",
        assertThrows(ScenarioException.class, () -> ScenarioReader.rules("on: getMe")).getMessage());
    assertEquals("line 1, field fault: give respond or fault, not both", assertThrows(ScenarioException.class,
        () -> ScenarioReader.rules("{\"on\":\"getMe\",\"respond\":{\"status\":500},\"fault\":\"reset\"}")).getMessage());
    assertEquals("line 1, field respond.status: must be an HTTP status from 200 to 599", assertThrows(
        ScenarioException.class, () -> ScenarioReader.rules("{\"on\":\"getMe\",\"respond\":{\"status\":700}}"))
        .getMessage());
  }

  @Test
  void everyShippedScenarioReads() {
    for (String name : ShippedScenarios.NAMES) {
      Scenario s = ScenarioReader.scenario(ShippedScenarios.text(name).orElseThrow());
      assertEquals(name, s.name());
      assertTrue(!s.rules().isEmpty() && s.description() != null, name);
    }
    assertEquals(ShippedScenarios.text("rate-limiting"), java.util.Optional.of(ShippedScenarios.read(
        "classpath:rate-limiting")));
    assertThrows(IllegalArgumentException.class, () -> ShippedScenarios.read("no-such-scenario"));
  }
}
