package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Testcontainers module on its own, as a user without the JUnit extension would use it. */
@ExtendWith(DockerRequired.class)
class LivedigitalMockContainerIT {

  @Test
  void aScenarioFromTheClasspathOrByNameIsLoadedAtStart() {
    try (LivedigitalMockContainer mock = new LivedigitalMockContainer(DockerRequired.IMAGE)
        .withScenario("scenarios/school-outage.yaml").withHostPortBinding("127.0.0.1", 0);
         LivedigitalMockContainer shipped = new LivedigitalMockContainer(DockerRequired.IMAGE)
        .withScenario("token-endpoint-outage").withHostPortBinding("127.0.0.1", 0)) {
      mock.start();
      shipped.start();
      List<String> rules = RestAssured.get(mock.getBaseUrl() + "/_mock/tenants/demo-client/faults").then()
          .statusCode(200).extract().path("items.name");
      assertEquals(List.of("third room creation fails", "token endpoint down"), rules);
      RestAssured.given().contentType("application/json").body(Map.of("client_id", "demo-client",
              "client_secret", "demo-secret", "grant_type", "client_credentials"))
          .post(shipped.getBaseUrl() + "/v1/auth/token").then().statusCode(503).header("Retry-After", "5");
      List<String> journal = RestAssured.get(shipped.getBaseUrl() + "/_mock/tenants/demo-client/requests").then()
          .statusCode(200).extract().path("items.operation");
      assertEquals(List.of("getAccessToken"), journal);
    }
  }

  @Test
  void startsHealthyWithTheConfiguredDemoTenantAndOptions() {
    try (LivedigitalMockContainer mock = new LivedigitalMockContainer(DockerRequired.IMAGE)
        .withDemoClient("school-lms", "lms-secret")
        .withDemoUser("admin@school.test", "admin-pw")
        .withPlan("basic")
        .withSeed(42)
        .withWebhookRetryInterval(Duration.ofMillis(100))
        .withRoomBaseUrl("https://rooms.school.test")
        .withHostPortBinding("127.0.0.1", 0)) {
      mock.start();

      assertTrue(mock.getBaseUrl().matches("http://localhost:\\d+"), mock.getBaseUrl());
      RestAssured.get(mock.getBaseUrl() + LivedigitalMockContainer.HEALTH_PATH).then().statusCode(200)
          .body("status", org.hamcrest.Matchers.equalTo("UP"));
      assertEquals("school-lms", mock.getDemoClientId());
      assertEquals("lms-secret", mock.getDemoClientSecret());
      assertEquals("admin@school.test", mock.getDemoUserEmail());
      assertEquals("admin-pw", mock.getDemoUserPassword());

      RequestSpecification api = ContainerDemoUser.api(mock);

      String spaceId = api.body(Map.of("name", "school")).post("/spaces").then().statusCode(201).extract().path("id");
      assertEquals("basic", api.get("/spaces/" + spaceId).then().extract().path("planAlias"));   // LDMOCK_PLAN
      String roomId = api.body(Map.of("name", "room")).post("/spaces/" + spaceId + "/rooms").then().statusCode(201)
          .extract().path("id");
      String link = api.body(Map.of("username", "Alice", "role", "user"))
          .post("/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access").then().statusCode(200)
          .extract().path("url");
      assertTrue(link.startsWith("https://rooms.school.test/room/"), link);   // LDMOCK_ROOM_BASE_URL

      // LDMOCK_SEED: the same seed gives the same ids as the mock in this JVM
      try (MockServer local = MockServer.start(MockConfig.defaults().withPort(0).withSeed(42))) {
        String expected = local.tenants().create(new TenantSpec("school-lms", "lms-secret", "admin@school.test",
            "admin-pw", null, Plan.BASIC)).clientObjectId();
        assertEquals(expected, RestAssured.get(mock.getBaseUrl() + "/_mock/tenants/school-lms").then()
            .statusCode(200).extract().path("clientObjectId"));
      }

      // LDMOCK_WEBHOOK_RETRY_INTERVAL: a refused delivery is retried 100 ms later, not after the default 1 s
      String receiver = RestAssured.given().contentType("application/json").body(Map.of("responses", List.of(500, 200)))
          .post(mock.getBaseUrl() + "/_mock/receivers").then().statusCode(201).extract().path("url");
      String receiverId = receiver.substring(receiver.lastIndexOf('/') + 1);
      api.body(Map.of("url", receiver)).post("/spaces/" + spaceId + "/webhook").then().statusCode(201);
      RestAssured.given().contentType("application/json").body(Map.of("name", "Bob"))
          .post(mock.getBaseUrl() + "/_mock/rooms/" + roomId + "/participants").then().statusCode(201);
      String next = mock.getBaseUrl() + "/_mock/receivers/" + receiverId + "/requests/next?timeoutMs=20000&after=";
      long first = RestAssured.get(next + 0).then().statusCode(200).extract().jsonPath().getLong("seq");
      RestAssured.get(next + first).then().statusCode(200);
      List<String> at = RestAssured.get(mock.getBaseUrl() + "/_mock/receivers/" + receiverId + "/requests")
          .then().extract().path("items.at");
      long gap = Duration.between(Instant.parse(at.get(0)), Instant.parse(at.get(1))).toMillis();
      assertTrue(gap >= 90 && gap < 900, "retry gap " + gap + " ms");
    }
  }

  @Test
  void aControlTokenLocksTheControlPlaneButHealth() {
    try (LivedigitalMockContainer mock = new LivedigitalMockContainer(DockerRequired.IMAGE)
        .withControlToken("t0k3n-for-the-control-plane")
        .withHostPortBinding("127.0.0.1", 0)) {
      mock.start();   // the health wait passes without the token
      assertEquals("t0k3n-for-the-control-plane", mock.getControlToken());
      RestAssured.get(mock.getBaseUrl() + "/_mock/tenants").then().statusCode(401);
      RestAssured.given().auth().oauth2(mock.getControlToken()).get(mock.getBaseUrl() + "/_mock/tenants")
          .then().statusCode(200);
      RestAssured.given().header("Host", "evil.example").auth().oauth2(mock.getControlToken())
          .get(mock.getBaseUrl() + "/_mock/tenants").then().statusCode(403);
    }
  }

  @Test
  void generatedLinksNameThePublishedAddressAndOpenFromTheHost() throws Exception {
    try (LivedigitalMockContainer mock = new LivedigitalMockContainer(
        LivedigitalMockContainer.DEFAULT_IMAGE_NAME.withTag(LivedigitalMockContainer.DEFAULT_TAG))
        .withHostPortBinding("127.0.0.1", 0)) {
      mock.start();
      RequestSpecification api = ContainerDemoUser.api(mock);
      String spaceId = api.body(Map.of("name", "s")).post("/spaces").then().extract().path("id");
      String roomId = api.body(Map.of("name", "r")).post("/spaces/" + spaceId + "/rooms").then().extract().path("id");
      String link = api.body(Map.of("username", "Alice", "role", "user"))
          .post("/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access").then().extract().path("url");
      assertTrue(link.startsWith(mock.getBaseUrl() + "/room/"), link + " should name " + mock.getBaseUrl());
      RestAssured.given().accept("application/json").get(link).then().statusCode(200)
          .body("participantId", org.hamcrest.Matchers.notNullValue());
    }
  }
}
