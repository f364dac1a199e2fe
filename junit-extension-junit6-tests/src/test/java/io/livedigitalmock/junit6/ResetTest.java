package io.livedigitalmock.junit6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import io.livedigitalmock.junit.LivedigitalMockException;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@LivedigitalMock(webhookRetryIntervalSeconds = 0.2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetTest {

  private static String roomOfFirstTest;
  private static String clientIdOfFirstTest;

  @Test
  @Order(1)
  void leavesDataBehind(Livedigital mock) {
    clientIdOfFirstTest = mock.clientId();
    String spaceId = mock.seed().createSpace("school");
    roomOfFirstTest = mock.seed().createRoom(spaceId, "room").id();
    mock.seed().registerWebhook(spaceId, mock.receivers().create(500, 200).url());
    mock.simulate().join(roomOfFirstTest, "Alice");
    mock.deliveries().awaitNext("call_started", Duration.ofSeconds(20));
  }

  @Test
  @Order(2)
  void findsItGone(Livedigital mock) {
    assertEquals(clientIdOfFirstTest, mock.clientId());
    LivedigitalMockException e = assertThrows(LivedigitalMockException.class,
        () -> mock.simulate().roomState(roomOfFirstTest));
    assertEquals(404, e.status());
    mock.seed().createSpace("the user token still works");
  }
}
