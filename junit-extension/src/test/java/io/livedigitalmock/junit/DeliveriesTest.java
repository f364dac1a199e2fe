package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery log and its long-poll: wait for "the next delivery matching X", no sleeping. */
@LivedigitalMock
class DeliveriesTest {

  private String spaceId;
  private String roomId;

  @BeforeEach
  void aRoomWithAWebhook(Livedigital mock) {
    spaceId = mock.seed().createSpace("space");
    roomId = mock.seed().createRoom(spaceId, Map.of("name", "room", "isAutoRecordingAllowed", false)).id();
    mock.seed().registerWebhook(spaceId, mock.receivers().create().url());
  }

  @Test
  void awaitNextWakesUpWhenTheDeliveryHappens(Livedigital mock) throws Exception {
    CompletableFuture<Delivery> waiting = CompletableFuture.supplyAsync(() ->
        mock.deliveries().awaitNext(DeliveryFilter.event("call_finished").withRoomId(roomId), Duration.ofSeconds(30)));
    String alice = mock.simulate().join(roomId, "Alice");
    mock.simulate().leave(alice);
    Delivery finished = waiting.get(60, TimeUnit.SECONDS);
    assertEquals("call_finished", finished.eventName());
    assertEquals(roomId, finished.roomId());
    assertEquals(spaceId, finished.spaceId());
    assertTrue(finished.delivered());
    assertEquals(Integer.valueOf(200), finished.status());
    assertEquals(Map.of("eventName", "call_finished", "roomId", roomId, "spaceId", spaceId), finished.event());
  }

  @Test
  void awaitNextWalksThroughMatchesOneByOne(Livedigital mock) {
    for (int i = 0; i < 2; i++) {
      mock.simulate().leave(mock.simulate().join(roomId, "guest " + i));
    }
    Duration wait = Duration.ofSeconds(20);
    Delivery first = mock.deliveries().awaitNext("call_finished", wait);
    Delivery second = mock.deliveries().awaitNext("call_finished", wait);
    assertTrue(second.seq() > first.seq());
    // another filter has its own cursor: the first call_started is still "next" for it (the log is in
    // the order attempts complete, so it may stand before or after the first call_finished: W10)
    Delivery started = mock.deliveries().awaitNext("call_started", wait);
    assertEquals(mock.deliveries().list(DeliveryFilter.event("call_started")).get(0).seq(), started.seq());
    // an explicit after wins over the cursor (which stands at the second call_finished)
    assertEquals(first.seq(),
        mock.deliveries().awaitNext(DeliveryFilter.event("call_finished").after(first.seq() - 1), wait).seq());
  }

  @Test
  void recordingEventsCarryTheRecordId(Livedigital mock) {
    mock.simulate().join(roomId, "Teacher");
    String recordId = mock.simulate().startRecording(roomId);
    mock.simulate().failRecording(roomId);
    Delivery failed = mock.deliveries().awaitNext(DeliveryFilter.event("record_failed").withRecordId(recordId),
        Duration.ofSeconds(20));
    assertEquals(recordId, failed.event().get("recordId"));
    mock.deliveries().awaitNext(DeliveryFilter.event("record_started").withRecordId(recordId), Duration.ofSeconds(20));
    // the log is in the order attempts complete; two events' deliveries run side by side
    assertEquals(java.util.Set.of("record_started", "record_failed"),
        mock.deliveries().list(DeliveryFilter.any().withRecordId(recordId)).stream()
            .map(Delivery::eventName).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void nothingMatchingWithinTheTimeoutFailsTheTestAndSaysWhatCame(Livedigital mock) {
    mock.simulate().join(roomId, "Alice");
    mock.deliveries().awaitNext("call_started", Duration.ofSeconds(20));
    long started = System.nanoTime();
    AssertionError e = assertThrows(AssertionError.class,
        () -> mock.deliveries().awaitNext("call_finished", Duration.ofMillis(300)));
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20));
    assertTrue(e.getMessage().contains("call_finished") && e.getMessage().contains("call_started"), e.getMessage());
  }
}
