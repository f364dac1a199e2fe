package io.livedigitalmock.pact.consumer;

import static io.livedigitalmock.pact.consumer.Shapes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The guide's rooms ("Создание комнат", "Настройка комнаты"), room roles ("grantRole") and links for
 * people without an account ("generateAccess").
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsRoomsPactTest {

  private static final String ROOMS = "/v1/spaces/${spaceId}/rooms";
  private static final String ROOMS_EXAMPLE = "/v1/spaces/" + SPACE_ID + "/rooms";
  private static final String ROOM = ROOMS + "/${roomId}";
  private static final String ROOM_EXAMPLE = ROOMS_EXAMPLE + "/" + ROOM_ID;
  private static final Map<String, Object> SETTINGS = Map.of("name", "Algebra 9A", "isPublic", true,
      "isScreensharingAllowed", true, "isChatAllowed", true, "type", "lesson");
  private static final Map<String, Object> LINK = Map.of("username", "JohnSmith", "role", "user",
      "externalUserId", "lms-student-42", "ttl", 86400, "isPermanent", false, "email", "user@some.mail",
      "phone", "+93456580");

  private static PactDslJsonBody settings() {
    return new PactDslJsonBody().stringValue("name", "Algebra 9A").booleanValue("isPublic", true)
        .booleanValue("isScreensharingAllowed", true).booleanValue("isChatAllowed", true)
        .stringValue("type", "lesson");
  }

  private static PactDslJsonBody link(int ttl) {
    return new PactDslJsonBody().stringValue("username", "JohnSmith").stringValue("role", "user")
        .stringValue("externalUserId", "lms-student-42").integerType("ttl", ttl).booleanValue("isPermanent", false)
        .stringValue("email", "user@some.mail").stringValue("phone", "+93456580");
  }

  @Pact(consumer = "lms-integration")
  V4Pact rooms(PactDslWithProvider builder) {
    return builder
        .given("a space exists")
        .uponReceiving("a new lesson room in the space")
        .pathFromProviderState(ROOMS, ROOMS_EXAMPLE).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json").body(settings())
        .willRespondWith().status(201).body(room("Algebra 9A")
            // the defaults of what the request leaves out
            .booleanValue("isRecordAllowed", true).booleanValue("isAutoRecordingAllowed", false)
            .stringValue("waitingRoomAudience", "nobody"))
        .given("a space exists").given("a room exists in the space")
        .uponReceiving("the space's rooms")
        .pathFromProviderState(ROOMS, ROOMS_EXAMPLE).method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().minArrayLike("items", 1, room("Algebra 9A"), 1).integerType("total", 1))
        .given("a space exists").given("a room exists in the space")
        .uponReceiving("a room by id")
        .pathFromProviderState(ROOM, ROOM_EXAMPLE).method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200).body(room("Algebra 9A"))
        .given("a space exists").given("a room exists in the space")
        .uponReceiving("a room's new settings")
        .pathFromProviderState(ROOM, ROOM_EXAMPLE).method("PUT")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("name", "Algebra 9B").booleanValue("isChatAllowed", false))
        .willRespondWith().status(200).body(room("Algebra 9B").booleanValue("isChatAllowed", false))
        .given("a space exists").given("a room exists in the space")
        .uponReceiving("a room deleted")
        .pathFromProviderState(ROOM, ROOM_EXAMPLE).method("DELETE")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .given("a space exists").given("a room exists in the space").given("a second user exists")
        .uponReceiving("a room role granted to another user")
        .pathFromProviderState(ROOM + "/roles", ROOM_EXAMPLE + "/roles").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().valueFromProviderState("targetUserId", "${otherUserId}", OTHER_USER_ID)
            .stringValue("role", "role_room_moderator"))
        .willRespondWith().status(200)
        .given("a space exists").given("a room exists in the space")
        .uponReceiving("a one-time access link for a guest")
        .pathFromProviderState(ROOM + "/generate-access", ROOM_EXAMPLE + "/generate-access").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json").body(link(86400))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("url", ROOM_LINK,
            "https://edu.livedigital.space/room/hMInKY6FoM?participantName=JohnSmith&accessToken=" + USER_TOKEN))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rooms")
  void theLmsSchedulesALessonAndInvitesPeople(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    IntegratorHttp.Answer created = http.post(ROOMS_EXAMPLE, SETTINGS, USER_TOKEN);
    String roomId = created.field("id");
    assertTrue(created.field("alias").matches(ALIAS), "the room link uses the alias");
    assertEquals(roomId, http.get(ROOMS_EXAMPLE, USER_TOKEN).json().path("items").path(0).path("id").asText());
    assertEquals("lesson", http.get(ROOM_EXAMPLE, USER_TOKEN).field("type"));
    assertEquals(200, http.put(ROOM_EXAMPLE, Map.of("name", "Algebra 9B", "isChatAllowed", false), USER_TOKEN)
        .status());
    assertEquals(200, http.post(ROOM_EXAMPLE + "/roles", Map.of("targetUserId", OTHER_USER_ID,
        "role", "role_room_moderator"), USER_TOKEN).status());
    String url = http.post(ROOM_EXAMPLE + "/generate-access", LINK, USER_TOKEN).field("url");
    assertTrue(url.contains("/room/") && url.contains("accessToken="), url);
    assertEquals(200, http.delete(ROOM_EXAMPLE, USER_TOKEN).status());
  }

  @Pact(consumer = "lms-integration")
  V4Pact linkTooLong(PactDslWithProvider builder) {
    return builder
        .given("a space exists").given("a room exists in the space")
        .uponReceiving("an access link asked for longer than 5 days")
        .pathFromProviderState(ROOM + "/generate-access", ROOM_EXAMPLE + "/generate-access").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json").body(link(432001))
        .willRespondWith().status(400).body(error(400, "Bad Request", "ttl must be between 1 and 432000", false))
        .toPact(V4Pact.class);
  }

  /** The docs: a link lives at most 432000 s (5 days). */
  @Test
  @PactTestFor(pactMethod = "linkTooLong")
  void aLinkLivesAtMostFiveDays(MockServer server) {
    Map<String, Object> tooLong = new java.util.HashMap<>(LINK);
    tooLong.put("ttl", 432001);
    assertEquals(400, new IntegratorHttp(server.getUrl()).post(ROOM_EXAMPLE + "/generate-access", tooLong, USER_TOKEN)
        .status());
  }
}
