package io.livedigitalmock.pact.consumer;

import static io.livedigitalmock.pact.consumer.Shapes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The guide's "Создание группы" and "Настройка группы": a school's space, read, renamed, deleted. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsSpacesPactTest {

  private static final Map<String, Object> SPACE = Map.of("isPublic", true, "name", "Some test space",
      "description", "Space where my team will have all future calls",
      "logo", "https://server.com/images/png-clipart-myspace-logo.png");

  private static PactDslJsonBody spaceFields() {
    return new PactDslJsonBody().booleanValue("isPublic", true).stringValue("name", "Some test space")
        .stringValue("description", "Space where my team will have all future calls")
        .stringValue("logo", "https://server.com/images/png-clipart-myspace-logo.png");
  }

  @Pact(consumer = "lms-integration")
  V4Pact spaces(PactDslWithProvider builder) {
    return json(asUser(builder
        .given("the client and its user exist")
        .uponReceiving("a new space")
        .path("/v1/spaces").method("POST")), spaceFields())
        .willRespondWith().status(201).body(idOnly(SPACE_ID))
        .given("a space exists")
        .uponReceiving("the user's spaces")
        .path("/v1/spaces").method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().minArrayLike("items", 1, space("Lyceum 7"), 1)
            .integerType("total", 1))
        .given("a space exists")
        .uponReceiving("a space by id")
        .pathFromProviderState("/v1/spaces/${spaceId}", "/v1/spaces/" + SPACE_ID).method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200).body(space("Lyceum 7"))
        .given("a space exists")
        .uponReceiving("a space's new settings")
        .pathFromProviderState("/v1/spaces/${spaceId}", "/v1/spaces/" + SPACE_ID).method("PUT")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(spaceFields())
        .willRespondWith().status(200)
        .body(space("Some test space").stringValue("description", "Space where my team will have all future calls"))
        .given("a space exists")
        .uponReceiving("a space deleted")
        .pathFromProviderState("/v1/spaces/${spaceId}", "/v1/spaces/" + SPACE_ID).method("DELETE")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "spaces")
  void theLmsKeepsASpacePerSchool(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    String spaceId = http.post("/v1/spaces", SPACE, USER_TOKEN).field("id");
    assertEquals(SPACE_ID, spaceId);
    assertEquals(SPACE_ID, http.get("/v1/spaces", USER_TOKEN).json().path("items").path(0).path("id").asText());
    assertEquals("Lyceum 7", http.get("/v1/spaces/" + spaceId, USER_TOKEN).field("name"));
    assertEquals(200, http.put("/v1/spaces/" + spaceId, SPACE, USER_TOKEN).status());
    assertEquals(200, http.delete("/v1/spaces/" + spaceId, USER_TOKEN).status());
  }

  @Pact(consumer = "lms-integration")
  V4Pact spacesWithClientToken(PactDslWithProvider builder) {
    return asClient(builder
        .given("the client and its user exist")
        .uponReceiving("the spaces asked for with a client token")
        .path("/v1/spaces").method("GET"))
        .willRespondWith().status(403)
        .body(error(403, "Forbidden", "Данный метод запрещен для пользователя", true))
        .toPact(V4Pact.class);
  }

  /** The guide's FAQ: spaces and rooms need a user token ("403 Данный метод запрещен для пользователя"). */
  @Test
  @PactTestFor(pactMethod = "spacesWithClientToken")
  void aClientTokenCannotListSpaces(MockServer server) {
    IntegratorHttp.Answer answer = new IntegratorHttp(server.getUrl()).get("/v1/spaces", CLIENT_TOKEN);
    assertEquals(403, answer.status());
    assertEquals("Данный метод запрещен для пользователя", answer.field("message"));
  }

  @Pact(consumer = "lms-integration")
  V4Pact refusals(PactDslWithProvider builder) {
    return json(asUser(builder
        .given("the client and its user exist")
        .uponReceiving("a new space without a name")
        .path("/v1/spaces").method("POST")), new PactDslJsonBody().booleanValue("isPublic", true))
        .willRespondWith().status(400).body(error(400, "Bad Request", "name must not be empty", false))
        .given("the client and its user exist")
        .uponReceiving("a space that does not exist")
        .path("/v1/spaces/000000000000000000000000").method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(404).body(error(404, "Not Found", "Space not found", false))
        .toPact(V4Pact.class);
  }

  /** The guide marks {@code name} required; an unknown id is not found. */
  @Test
  @PactTestFor(pactMethod = "refusals")
  void aSpaceNeedsANameAndAnId(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    assertEquals(400, http.post("/v1/spaces", Map.of("isPublic", true), USER_TOKEN).status());
    assertEquals(404, http.get("/v1/spaces/000000000000000000000000", USER_TOKEN).status());
  }
}
