package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@LivedigitalMock(seedData = "seed/school.json", plan = "basic")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedDataTest {

  private static String algebraIdInFirstTest;

  @Test
  @Order(1)
  void theSeedIsCreatedThroughThePublicApiAndNamedInTheHandle(Livedigital mock) {
    Seeding.Room algebra = mock.seeded().room("Algebra 9A");
    algebraIdInFirstTest = algebra.id();
    assertEquals(mock.seeded().spaceId("Lyceum 7"), algebra.spaceId());
    assertEquals("lesson", algebra.type());
    assertEquals("webinar", mock.seeded().room("Open day").type());
    assertEquals(Set.of("Lyceum 7", "Teachers' room"), mock.seeded().spaces().keySet());
    assertEquals(Set.of("teacher@lyceum7.test", "assistant@lyceum7.test"), mock.seeded().users().keySet());

    List<String> spaceNames = RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .get("/spaces").then().statusCode(200).extract().path("items.name");
    assertEquals(List.of("Lyceum 7", "Teachers' room"), spaceNames);
    assertEquals("basic", RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .get("/spaces/" + mock.seeded().spaceId("Lyceum 7")).then().extract().path("planAlias"));

    // seeded users can log in
    RestAssured.given().baseUri(mock.apiBaseUrl()).contentType("application/json")
        .body(java.util.Map.of("client_id", mock.clientId(), "client_secret", mock.clientSecret(),
            "grant_type", "password", "username", "teacher@lyceum7.test", "password", "teacher-pw"))
        .post("/auth/token").then().statusCode(200);

    mock.seed().createSpace("made by the first test");
    mock.simulate().join(algebra.id(), "Alice");
  }

  @Test
  @Order(2)
  void afterTheResetTheSeedIsBackAndNothingElse(Livedigital mock) {
    List<String> spaceNames = RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .get("/spaces").then().statusCode(200).extract().path("items.name");
    assertEquals(List.of("Lyceum 7", "Teachers' room"), spaceNames);
    String algebra = mock.seeded().roomId("Algebra 9A");
    assertEquals(algebraIdInFirstTest, algebra, "same ids after a reset");
    assertEquals(List.of(), mock.simulate().roomState(algebra).participantIds());
    mock.simulate().leave(mock.simulate().join(algebra, "Bob"));
    assertTrue(mock.deliveries().list().isEmpty(), "no webhook in the seed: nothing delivered");
    assertTrue(mock.simulate().roomState(algebra).callIds().size() == 1);
  }

  @Test
  @Order(3)
  void unknownNamesSayWhatWasSeeded(Livedigital mock) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mock.seeded().roomId("Physics"));
    assertTrue(e.getMessage().contains("Algebra 9A"), e.getMessage());
  }

  @Test
  @Order(4)
  void aMissingOrBrokenSeedFileIsAClearError() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> SeedData.load("seed/none.json", getClass().getClassLoader()));
    assertTrue(missing.getMessage().contains("seed/none.json"), missing.getMessage());
    IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
        () -> SeedData.load("junit-platform.properties", getClass().getClassLoader()));
    assertTrue(broken.getMessage().contains("JSON"), broken.getMessage());
  }

  @Test
  @Order(5)
  void theSeedIsReappliedQuickly(Livedigital mock) {
    long started = System.nanoTime();
    mock.tenant().reset();
    assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos());
    assertEquals(algebraIdInFirstTest, mock.seeded().roomId("Algebra 9A"));
  }
}
