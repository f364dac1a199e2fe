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

/**
 * What an integration may send that no source names, and the mock accepts because no source refuses it
 * (the ledger's E and T entries): values outside the guide's lists, other tokens as bearers, and an
 * expired token, the one refusal here. Each interaction pins its ledger entry against the real API.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsLeniencyPactTest {

  private static final String ROOMS = "/v1/spaces/" + SPACE_ID + "/rooms";
  private static final String ROOM = ROOMS + "/" + ROOM_ID;
  private static final String EXPIRED_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MmFiNWE4NGIwY2U2ZWUzMWIw"
      + "OTk3YjMiLCJhdWQiOiJ1c2VyIiwidHlwZSI6ImFjY2Vzc1Rva2VuIiwiZXhwIjoxNjU2MzYyODAyfQ.ZXhwaXJlZC1leGFtcGxl";

  private static PactDslJsonBody me() {
    return new PactDslJsonBody().stringMatcher("id", ID, USER_ID).stringType("email", USER_EMAIL);
  }

  @Pact(consumer = "lms-integration")
  V4Pact leniency(PactDslWithProvider builder) {
    return builder
        .given("a space exists")
        .uponReceiving("a room of a type the guide does not name")
        .pathFromProviderState("/v1/spaces/${spaceId}/rooms", ROOMS).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("name", "Parents' meeting").stringValue("type", "conference"))
        .willRespondWith().status(201).body(room("Parents' meeting").stringValue("type", "conference"))
        .given("a space exists").given("a room exists in the space")
        .uponReceiving("an access link with a role the guide does not name")
        .pathFromProviderState("/v1/spaces/${spaceId}/rooms/${roomId}/generate-access", ROOM + "/generate-access")
        .method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("username", "Grandma").stringValue("role", "guest"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("url", ROOM_LINK,
            "https://edu.livedigital.space/room/hMInKY6FoM?participantName=Grandma&accessToken=" + USER_TOKEN))
        .given("a space exists")
        .uponReceiving("an invite with a role the guide does not name")
        .pathFromProviderState("/v1/spaces/${spaceId}/invites", "/v1/spaces/" + SPACE_ID + "/invites").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("role", "role_space_guest"))
        .willRespondWith().status(201).body(idOnly(INVITE_ID))
        .given("a space exists").given("a room exists in the space").given("a second user exists")
        .uponReceiving("a room role the guide does not name")
        .pathFromProviderState("/v1/spaces/${spaceId}/rooms/${roomId}/roles", ROOM + "/roles").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().valueFromProviderState("targetUserId", "${otherUserId}", OTHER_USER_ID)
            .stringValue("role", "role_room_guest"))
        .willRespondWith().status(200)
        .given("a space exists").given("a room exists in the space")
        .given("a finished call with 2 participants exists")
        .uponReceiving("a call's report in a format the guide does not name")
        .pathFromProviderState("/v1/spaces/${spaceId}/analytics/report", "/v1/spaces/" + SPACE_ID + "/analytics/report")
        .method("GET")
        .query("format=csv")
        .queryParameterFromProviderState("roomId", "${roomId}", ROOM_ID)
        .queryParameterFromProviderState("callId", "${callId}", CALL_ID)
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("callId", ID, CALL_ID).minArrayLike("participants", 2,
            new PactDslJsonBody().stringType("name", "Alice"), 2))
        .given("the client and its user exist")
        .uponReceiving("a new user, created with a user token")
        .path("/v1/users").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().valueFromProviderState("email", "${newUserEmail}", "another-email@example.com")
            .stringValue("password", "gmi28abc").stringValue("username", "Another Username"))
        .willRespondWith().status(201).body(idOnly(OTHER_USER_ID))
        .given("the user has logged in")
        .uponReceiving("the user's profile with the refresh token as bearer")
        .path("/v1/users/me").method("GET")
        .headerFromProviderState("Authorization", "Bearer ${refreshToken}", "Bearer " + REFRESH_TOKEN)
        .willRespondWith().status(200).body(me())
        .given("the user's access token has expired")
        .uponReceiving("the user's profile with an expired token")
        .path("/v1/users/me").method("GET")
        .headerFromProviderState("Authorization", "Bearer ${expiredAccessToken}", "Bearer " + EXPIRED_TOKEN)
        .willRespondWith().status(401).body(error(401, "Unauthorized", "Token expired", false))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "leniency")
  void whatNoSourceRefusesIsAccepted(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    assertEquals("conference", http.post(ROOMS, Map.of("name", "Parents' meeting", "type", "conference"), USER_TOKEN)
        .field("type"));
    assertEquals(200, http.post(ROOM + "/generate-access", Map.of("username", "Grandma", "role", "guest"), USER_TOKEN)
        .status());
    assertEquals(201, http.post("/v1/spaces/" + SPACE_ID + "/invites", Map.of("role", "role_space_guest"), USER_TOKEN)
        .status());
    assertEquals(200, http.post(ROOM + "/roles", Map.of("targetUserId", OTHER_USER_ID, "role", "role_room_guest"),
        USER_TOKEN).status());
    assertEquals(CALL_ID, http.get("/v1/spaces/" + SPACE_ID + "/analytics/report?format=csv&roomId=" + ROOM_ID
        + "&callId=" + CALL_ID, USER_TOKEN).field("callId"));
    assertEquals(201, http.post("/v1/users", Map.of("email", "another-email@example.com", "password", "gmi28abc",
        "username", "Another Username"), USER_TOKEN).status());
    assertEquals(USER_EMAIL, http.get("/v1/users/me", REFRESH_TOKEN).field("email"));
    assertEquals(401, http.get("/v1/users/me", EXPIRED_TOKEN).status());
  }
}
