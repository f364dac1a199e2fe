package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in receiver: scripted answers, recorded and verified requests, and the mock's retries. */
@LivedigitalMock(webhookRetryIntervalSeconds = 0.1)
class ReceiversTest {

  @Test
  void twoFailuresThenSuccessIsThreeVerifiedAttempts(Livedigital mock) {
    Receiver receiver = mock.receivers().create(500, 500, 200);
    assertEquals(List.of(500, 500, 200), receiver.responses());
    String spaceId = mock.seed().createSpace("retries");
    String roomId = mock.seed().createRoom(spaceId, "room").id();
    mock.seed().registerWebhook(spaceId, receiver.url());

    mock.simulate().join(roomId, "Alice");

    Duration wait = Duration.ofSeconds(20);
    ReceivedRequest first = receiver.awaitNext("call_started", wait);
    ReceivedRequest second = receiver.awaitNext("call_started", wait);
    ReceivedRequest third = receiver.awaitNext("call_started", wait);
    assertEquals(List.of(500, 500, 200), List.of(first.status(), second.status(), third.status()));
    for (ReceivedRequest r : List.of(first, second, third)) {
      assertTrue(r.verified(), r.toString());
      assertEquals(roomId, r.event().get("roomId"));
      assertEquals(spaceId, r.event().get("spaceId"));
    }
    assertEquals(first.body(), third.body(), "a retry resends the same bytes");

    Delivery delivered = mock.deliveries().awaitNext(DeliveryFilter.event("call_started").withOutcome("delivered"),
        wait);
    assertEquals(3, delivered.attempt());
    assertEquals(List.of("retrying", "retrying", "delivered"),
        mock.deliveries().list(DeliveryFilter.event("call_started")).stream().map(Delivery::outcome).toList());
  }

  @Test
  void aReceiverNoWebhookPointsAtCannotVerify(Livedigital mock) {
    Receiver receiver = mock.receivers().create();
    String spaceId = mock.seed().createSpace("other");
    mock.seed().registerWebhook(spaceId, receiver.url());
    Receiver stray = mock.receivers().create();
    // post to the stray receiver directly, as an attacker would, with a made-up signature
    io.restassured.RestAssured.given().contentType("application/json")
        .body("{\"signature\":\"00\",\"body\":{\"eventName\":\"call_finished\"}}")
        .post(stray.url().replace("http://127.0.0.1:" + port(stray.url()), mock.baseUrl()))
        .then().statusCode(200);
    ReceivedRequest got = stray.awaitNext(Duration.ofSeconds(10));
    assertNull(got.signatureValid());
    assertEquals(List.of(), receiver.requests());
  }

  @Test
  void awaitNextFailsWithWhatArrived(Livedigital mock) {
    Receiver receiver = mock.receivers().create();
    AssertionError e = assertThrows(AssertionError.class,
        () -> receiver.awaitNext("record_started", Duration.ofMillis(200)));
    assertTrue(e.getMessage().contains("record_started"), e.getMessage());
  }

  @Test
  void receiversAreDeletedAfterTheTestThatMadeThem(Livedigital mock) {
    Receiver receiver = mock.receivers().create();
    receiver.delete();
    LivedigitalMockException e = assertThrows(LivedigitalMockException.class, receiver::requests);
    assertEquals(404, e.status());
    long started = System.nanoTime();
    e = assertThrows(LivedigitalMockException.class, () -> receiver.awaitNext(Duration.ofSeconds(30)));
    assertEquals(404, e.status(), "a deleted receiver is an error at once, not a 30 s wait");
    assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos());
  }

  private static int port(String url) {
    return java.net.URI.create(url).getPort();
  }
}
