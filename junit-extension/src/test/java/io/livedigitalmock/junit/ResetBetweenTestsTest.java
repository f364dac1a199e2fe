package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What one test leaves behind is gone in the next; credentials and tokens stay valid. */
@LivedigitalMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {

  private static String clientIdOfFirstTest;
  private static String userTokenOfFirstTest;
  private static String spaceOfFirstTest;
  private static Instant clockOfFirstTest;

  @Test
  @Order(1)
  void firstTestLeavesDataBehind(Livedigital mock) {
    clientIdOfFirstTest = mock.clientId();
    userTokenOfFirstTest = mock.userToken();
    spaceOfFirstTest = mock.seed().createSpace("left behind");
    String roomId = mock.seed().createRoom(spaceOfFirstTest, "room").id();
    mock.seed().registerWebhook(spaceOfFirstTest, mock.receivers().create().url());
    mock.simulate().join(roomId, "Alice");
    mock.deliveries().awaitNext("call_started", Duration.ofSeconds(20));
    mock.seed().generateAccess(spaceOfFirstTest, roomId, "Bob", "user");
    clockOfFirstTest = mock.clock().advance(Duration.ofDays(3));
    assertEquals(1, spaces(mock, mock.userToken()).size());
  }

  @Test
  @Order(2)
  void secondTestStartsFromTheInitialState(Livedigital mock) {
    assertEquals(clientIdOfFirstTest, mock.clientId(), "same tenant, reset");
    assertEquals(List.of(), spaces(mock, userTokenOfFirstTest), "the first test's token still works, its space is gone");
    assertEquals(List.of(), mock.deliveries().list());
    assertEquals(List.of(), mock.tenant().links());
    assertTrue(mock.clock().now().isBefore(clockOfFirstTest.minus(Duration.ofDays(2))), "the clock is back");
    RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .get("/spaces/" + spaceOfFirstTest).then().statusCode(404);
  }

  @Test
  @Order(3)
  void anExplicitResetInsideATestAlsoWorks(Livedigital mock) {
    mock.seed().createSpace("made and dropped");
    mock.tenant().reset();
    assertEquals(List.of(), spaces(mock, mock.userToken()));
    assertNotNull(mock.seed().createSpace("after the reset"));
  }

  static List<Object> spaces(Livedigital mock, String token) {
    return RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(token)
        .get("/spaces").then().statusCode(200).extract().path("items");
  }
}
