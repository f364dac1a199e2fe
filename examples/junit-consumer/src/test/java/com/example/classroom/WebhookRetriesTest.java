package com.example.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.junit.Delivery;
import io.livedigitalmock.junit.DeliveryFilter;
import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import io.livedigitalmock.junit.ReceivedRequest;
import io.livedigitalmock.junit.Receiver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No endpoint of your own: a receiver built into the mock records, verifies and answers as scripted. */
@LivedigitalMock(webhookRetryIntervalSeconds = 0.2)
class WebhookRetriesTest {

  @Test
  void aReceiverThatFailsTwiceGetsTheEventAgain(Livedigital mock) {
    //region receivers
    Receiver receiver = mock.receivers().create(500, 500, 200);      // two failures, then accepted
    String spaceId = mock.seed().createSpace("Lyceum 7");
    String roomId = mock.seed().createRoom(spaceId, "Algebra 9A").id();
    mock.seed().registerWebhook(spaceId, receiver.url());
    mock.simulate().leave(mock.simulate().join(roomId, "Alice"));
    ReceivedRequest first = receiver.awaitNext("call_started", Duration.ofSeconds(10));   // status 500
    Delivery finished = mock.deliveries().awaitNext(
        DeliveryFilter.event("call_finished").withRoomId(roomId), Duration.ofSeconds(10));
    //endregion
    assertEquals(500, first.status());
    assertTrue(first.signatureValid());
    assertEquals(roomId, finished.roomId());
    assertEquals("call_finished", finished.eventName());
    assertEquals(receiver.url(), finished.url());
  }
}
