package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One test body, two runs: {@link InProcessLessonLifecycleTest} and {@link ContainerLessonLifecycleIT}
 * differ only in {@link LivedigitalMock#mode()}. Everything here goes through the handle, so it holds
 * for the mock in this JVM and for the image alike.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LessonLifecycleContract {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  @Order(1)
  void aGuestOpensALinkLeavesAndTheWebhookSaysCallFinished(Livedigital mock) {
    String spaceId = mock.seed().createSpace("Lyceum 7");
    Seeding.Room room = mock.seed().createRoom(spaceId, "Algebra 9A");
    Receiver receiver = mock.receivers().create();
    mock.seed().registerWebhook(spaceId, receiver.url());
    String link = mock.seed().generateAccess(spaceId, room.id(), "Alice", "user");

    String alice = mock.simulate().openLink(link);
    mock.simulate().leave(alice);

    ReceivedRequest finished = receiver.awaitNext("call_finished", WAIT);
    assertTrue(finished.verified(), finished.toString());
    assertEquals(room.id(), finished.event().get("roomId"));
    assertEquals(spaceId, finished.event().get("spaceId"));
    Delivery logged = mock.deliveries().awaitNext("call_finished", WAIT);
    assertTrue(logged.delivered());
    assertEquals(finished.body(), logged.requestBody());
  }

  @Test
  @Order(2)
  void theNextTestStartsFromAnEmptyTenantWithWorkingTokens(Livedigital mock) {
    List<Object> spaces = RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .get("/spaces").then().statusCode(200).extract().path("items");
    assertEquals(List.of(), spaces);
    assertEquals(List.of(), mock.deliveries().list());
  }

  @Test
  @Order(3)
  void aFailedRecordingIsRetriedUntilTheReceiverAccepts(Livedigital mock) {
    String spaceId = mock.seed().createSpace("school");
    String roomId = mock.seed().createRoom(spaceId, "room").id();
    Receiver receiver = mock.receivers().create(503, 200);
    mock.seed().registerWebhook(spaceId, receiver.url());

    mock.simulate().join(roomId, Simulation.Guest.named("Teacher").withRole("moderator"));
    assertEquals(503, receiver.awaitNext("call_started", WAIT).status());
    assertEquals(200, receiver.awaitNext("call_started", WAIT).status());
    String recordId = mock.simulate().startRecording(roomId);
    mock.simulate().failRecording(roomId);

    ReceivedRequest failed = receiver.awaitNext("record_failed", WAIT);
    assertTrue(failed.verified());
    assertEquals(recordId, failed.event().get("recordId"));
    assertEquals(List.of("retrying", "delivered"), mock.deliveries().list(DeliveryFilter.event("call_started"))
        .stream().map(Delivery::outcome).toList());
  }

  @Test
  @Order(4)
  void theClockAndPersonalTokensWorkTheSame(Livedigital mock) {
    var token = mock.tenant().mintPersonalToken();
    RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(token.token()).get("/users/me")
        .then().statusCode(200);
    var before = mock.clock().now();
    assertTrue(mock.clock().advance(Duration.ofHours(2)).isAfter(before.plus(Duration.ofMinutes(119))));
  }
}
