package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scripted failures and the request journal through the handle; run in-process
 * ({@link InProcessFaultsAndJournalTest}) and against the image ({@link ContainerFaultsAndJournalIT}).
 * "The app" is plain REST Assured: its requests are the journal's, the handle's own are not.
 */
abstract class FaultsAndJournalContract {

  static final Duration WAIT = Duration.ofSeconds(30);

  private static RequestSpecification app(Livedigital mock) {
    return RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .contentType("application/json");
  }

  private static int appToken(Livedigital mock) {
    return RestAssured.given().baseUri(mock.apiBaseUrl()).contentType("application/json")
        .body(Map.of("client_id", mock.clientId(), "client_secret", mock.clientSecret(),
            "grant_type", "client_credentials"))
        .post("/auth/token").statusCode();
  }

  @Test
  void theThirdRoomCreationFailsAndTheJournalShowsIt(Livedigital mock) {
    String spaceId = mock.seed().createSpace("Lyceum 7");
    FaultRule rule = mock.faults().on("createRoom").nth(3).respond(503);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      statuses.add(app(mock).body(Map.of("name", "Lesson " + i)).post("/spaces/" + spaceId + "/rooms").statusCode());
    }
    assertEquals(List.of(201, 201, 503, 201), statuses);
    mock.journal().verify("createRoom", 4);
    mock.journal().verify("POST /v1/spaces/{spaceId}/rooms", 1, Journal.bodyMatching("Lesson 3"));
    mock.journal().verify("createSpace", 0);   // the handle's own seeding is not the app's
    RecordedRequest failed = mock.journal().requests(RequestFilter.operation("createRoom").withStatus("5xx")).get(0);
    assertTrue(failed.fault().contains("rule " + rule.id()), failed.toString());
    assertEquals(1, mock.faults().list().get(0).fired());
    AssertionError wrong = assertThrows(AssertionError.class, () -> mock.journal().verify("createRoom", 2));
    assertTrue(wrong.getMessage().contains("was called 4 times, expected 2"), wrong.getMessage());
  }

  @Test
  void theTokenEndpointIsDownForThirtySecondsOfMockTime(Livedigital mock) {
    mock.faults().on("getAccessToken").during(Duration.ofSeconds(30)).respond(503);
    assertEquals(503, appToken(mock));
    mock.clock().advance(Duration.ofSeconds(30));
    assertEquals(200, appToken(mock));
    RecordedRequest last = mock.journal().awaitNext(RequestFilter.operation("getAccessToken").withStatus("200"),
        WAIT);
    assertEquals(200, last.status());
    assertTrue(last.body().contains("\"client_secret\":\"***\""), "secrets masked: " + last.body());
  }

  @Test
  void aWebhookSentTwiceAndOneWithAWrongSignature(Livedigital mock) {
    String spaceId = mock.seed().createSpace("school");
    String roomId = mock.seed().createRoom(spaceId, "room").id();
    Receiver receiver = mock.receivers().create();
    mock.seed().registerWebhook(spaceId, receiver.url());
    mock.faults().onWebhooks().forEvent("call_started").duplicate();
    mock.faults().onWebhooks().forEvent("call_finished").wrongSignature();
    mock.simulate().leave(mock.simulate().join(roomId, "Alice"));
    assertTrue(receiver.awaitNext("call_started", WAIT).verified());
    assertTrue(receiver.awaitNext("call_started", WAIT).verified(), "the same event again");
    assertEquals(Boolean.FALSE, receiver.awaitNext("call_finished", WAIT).verified());
  }

  @Test
  void aSeededProbabilityRuleGivesTheSameSequenceTwice(Livedigital mock) {
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      mock.faults().clear();
      mock.faults().on("getMe").withProbability(0.5, 11).respond(500);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        statuses.add(app(mock).get("/users/me").statusCode());
      }
      runs.add(statuses);
    }
    assertEquals(runs.get(0), runs.get(1));
    assertTrue(runs.get(0).contains(500) && runs.get(0).contains(200), runs.get(0).toString());
  }

  @Test
  void aShippedScenarioLoadsByName(Livedigital mock) {
    List<FaultRule> rules = mock.faults().load("rate-limiting");
    assertEquals(2, rules.size());
    assertEquals(429, app(mock).get("/users/me").statusCode());
    mock.faults().clear();
    assertEquals(200, app(mock).get("/users/me").statusCode());
  }

  @Test
  void aBadRuleIsRefusedWithTheValidNames(Livedigital mock) {
    LivedigitalMockException e = assertThrows(LivedigitalMockException.class,
        () -> mock.faults().on("makeRoom").respond(503));
    assertEquals(400, e.status());
    assertTrue(e.mockMessage().contains("createRoom"), e.mockMessage());
    assertEquals(List.of(), mock.faults().list());
  }

  @Test
  void rulesAndTheJournalStartEmptyInEveryTest(Livedigital mock) {
    mock.faults().on("*").respond(500);
    app(mock).get("/users/me");
    mock.tenant().reset();
    assertEquals(List.of(), mock.faults().list());
    assertEquals(List.of(), mock.journal().requests());
    assertEquals(200, app(mock).get("/users/me").statusCode());
  }
}
