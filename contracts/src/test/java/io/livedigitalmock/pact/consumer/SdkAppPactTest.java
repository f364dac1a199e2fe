package io.livedigitalmock.pact.consumer;

import static io.livedigitalmock.pact.consumer.Shapes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public SDK example apps (iOS and Android): a guest token with the client credentials, the room by
 * alias or id, a participant with role "host", an empty-body signaling-token request, join. They decode
 * strictly (every field a non-null string) and take any 2xx; Android adds {@code x-cl-id}, iOS sends
 * {@code Content-Type: application/json} on every request.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class SdkAppPactTest {

  /** The apps' own values, as examples. */
  private static final String APP_SPACE_ID = "6144806aac512ee6cd29be10";
  private static final String APP_ROOM_ID = "66cbf30dd3522636cfeb77cb";
  private static final String APP_ALIAS = "q3_5V3uwik";
  private static final String APP_CLIENT_ID = "moodhood-demo";
  private static final String APP_CLIENT_SECRET = "demo12345abcde6789zxcvDemo";
  private static final String DEVICE = "iPhone15,2 @ iOS 17.5";
  private static final String DEVICE_ID = "3f2b8c1e-7d4a-4e59-9b6a-0c8d2e1f4a7b";
  private static final String PUBLIC_ROOM = "a public room exists in a public space";
  private static final String PARTICIPANTS = "/v1/spaces/${spaceId}/participants";
  private static final String PARTICIPANTS_EXAMPLE = "/v1/spaces/" + APP_SPACE_ID + "/participants";
  private static final String JOIN = "/v1/spaces/${spaceId}/rooms/${roomId}/join";
  private static final String JOIN_EXAMPLE = "/v1/spaces/" + APP_SPACE_ID + "/rooms/" + APP_ROOM_ID + "/join";

  /** Android's headers after login: the token as returned, and the client id. */
  private static PactDslRequestWithPath android(PactDslRequestWithPath request) {
    return request.headerFromProviderState("Authorization", "Bearer ${clientToken}", "Bearer " + CLIENT_TOKEN)
        .headerFromProviderState("x-cl-id", "${clientId}", APP_CLIENT_ID);
  }

  /** iOS's headers: the token as returned, and a JSON Content-Type even without a body. */
  private static PactDslRequestWithPath ios(PactDslRequestWithPath request) {
    return request.headerFromProviderState("Authorization", "Bearer ${clientToken}", "Bearer " + CLIENT_TOKEN)
        .headers("Content-Type", "application/json");
  }

  private static PactDslJsonBody sdkRoom() {
    return new PactDslJsonBody()
        .stringMatcher("id", ID, APP_ROOM_ID)
        .stringMatcher("alias", ALIAS, APP_ALIAS)
        .stringType("name", "SDK demo room")
        .stringMatcher("spaceId", ID, APP_SPACE_ID)
        .stringMatcher("channelId", ID, CHANNEL_ID);
  }

  private static PactDslRequestWithPath guestToken(PactDslWithState given) {
    return given.uponReceiving("a guest token request from the SDK app")
        .path("/v1/auth/token").method("POST")
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody()
            .valueFromProviderState("client_id", "${clientId}", APP_CLIENT_ID)
            .valueFromProviderState("client_secret", "${clientSecret}", APP_CLIENT_SECRET)
            .stringValue("grant_type", "client_credentials"));
  }

  @Pact(consumer = "livedigital-sdk-app")
  V4Pact conferenceByAlias(PactDslWithProvider builder) {
    return android(guestToken(builder.given(PUBLIC_ROOM))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("token_type", "^[Bb]earer$", "Bearer")
            .stringMatcher("access_token", JWT, CLIENT_TOKEN).stringMatcher("refresh_token", JWT, REFRESH_TOKEN))
        .given(PUBLIC_ROOM)
        .uponReceiving("the room by its alias, with a guest token")
        .pathFromProviderState("/v1/spaces/room-by-alias/${roomAlias}", "/v1/spaces/room-by-alias/" + APP_ALIAS)
        .method("GET"))
        .willRespondWith().status(200).body(sdkRoom())
        .given(PUBLIC_ROOM)
        .uponReceiving("a host participant with the device's UUID, with a guest token")
        .pathFromProviderState(PARTICIPANTS, PARTICIPANTS_EXAMPLE).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${clientToken}", "Bearer " + CLIENT_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody()
            .stringType("name", DEVICE)
            .valueFromProviderState("roomId", "${roomId}", APP_ROOM_ID)
            .stringValue("role", "host")
            .uuid("clientUniqueId", DEVICE_ID))
        .willRespondWith().successStatus().body(idOnly(PARTICIPANT_ID))
        .given(PUBLIC_ROOM).given("a participant exists in the room")
        .uponReceiving("a signaling token for the participant, asked with an empty body")
        .pathFromProviderState(PARTICIPANTS + "/${participantId}/signaling-token",
            PARTICIPANTS_EXAMPLE + "/" + PARTICIPANT_ID + "/signaling-token").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${clientToken}", "Bearer " + CLIENT_TOKEN)
        .headers("Content-Type", "application/json")
        .willRespondWith().successStatus()
        .body(new PactDslJsonBody().stringType("signalingToken", CLIENT_TOKEN))
        .given(PUBLIC_ROOM).given("a participant exists in the room")
        .uponReceiving("the participant joins the room")
        .pathFromProviderState(JOIN, JOIN_EXAMPLE).method("POST")
        .headerFromProviderState("Authorization", "Bearer ${clientToken}", "Bearer " + CLIENT_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().valueFromProviderState("participantId", "${participantId}", PARTICIPANT_ID))
        .willRespondWith().successStatus()
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "conferenceByAlias")
  void theAppJoinsTheRoomOfItsAlias(MockServer server) {
    IntegratorHttp app = new IntegratorHttp(server.getUrl());
    IntegratorHttp.Answer token = app.post("/v1/auth/token", Map.of("client_id", APP_CLIENT_ID,
        "client_secret", APP_CLIENT_SECRET, "grant_type", "client_credentials"), null);
    String guest = token.field("access_token");
    assertTrue(token.json().path("refresh_token").isTextual(), "iOS cannot decode a token without refresh_token");
    app.always("x-cl-id", APP_CLIENT_ID);
    IntegratorHttp.Answer room = app.get("/v1/spaces/room-by-alias/" + APP_ALIAS, guest);
    for (String field : new String[] {"id", "alias", "name", "spaceId", "channelId"}) {
      assertTrue(room.json().path(field).isTextual(), field + " must be a string for iOS");
    }
    String spaceId = room.field("spaceId");
    String participant = app.post("/v1/spaces/" + spaceId + "/participants", Map.of("name", DEVICE,
        "roomId", room.field("id"), "role", "host", "clientUniqueId", UUID.randomUUID().toString()), guest).field("id");
    IntegratorHttp ios = new IntegratorHttp(server.getUrl()).always("Content-Type", "application/json");
    assertTrue(ios.post("/v1/spaces/" + spaceId + "/participants/" + participant + "/signaling-token", null, guest)
        .json().path("signalingToken").isTextual());
    int joined = ios.post("/v1/spaces/" + spaceId + "/rooms/" + room.field("id") + "/join",
        Map.of("participantId", participant), guest).status();
    assertEquals(2, joined / 100, "the apps take any 2xx");
  }

  @Pact(consumer = "livedigital-sdk-app")
  V4Pact rejoin(PactDslWithProvider builder) {
    return ios(builder
        .given(PUBLIC_ROOM).given("a participant exists in the room").given("the participant has joined the room")
        .uponReceiving("the participant joins the room again")
        .pathFromProviderState(JOIN, JOIN_EXAMPLE).method("POST"))
        .body(new PactDslJsonBody().valueFromProviderState("participantId", "${participantId}", PARTICIPANT_ID))
        .willRespondWith().successStatus()
        .toPact(V4Pact.class);
  }

  /** iOS-1 sends join again whenever the SDK reports the channel joined again. */
  @Test
  @PactTestFor(pactMethod = "rejoin")
  void joiningTwiceIsFine(MockServer server) {
    IntegratorHttp ios = new IntegratorHttp(server.getUrl()).always("Content-Type", "application/json");
    assertEquals(2, ios.post(JOIN_EXAMPLE, Map.of("participantId", PARTICIPANT_ID), CLIENT_TOKEN).status() / 100);
  }

  @Pact(consumer = "livedigital-sdk-app")
  V4Pact roomById(PactDslWithProvider builder) {
    return ios(builder
        .given(PUBLIC_ROOM)
        .uponReceiving("the room by its id, with a guest token")
        .pathFromProviderState("/v1/spaces/${spaceId}/rooms/${roomId}",
            "/v1/spaces/" + APP_SPACE_ID + "/rooms/" + APP_ROOM_ID).method("GET"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("id", ID, APP_ROOM_ID).stringMatcher("channelId", ID, CHANNEL_ID)
            .stringType("name", "SDK demo room"))
        .toPact(V4Pact.class);
  }

  /** iOS-1 and Android's first samples: hard-coded space and room ids. */
  @Test
  @PactTestFor(pactMethod = "roomById")
  void theAppFetchesItsHardCodedRoom(MockServer server) {
    IntegratorHttp ios = new IntegratorHttp(server.getUrl()).always("Content-Type", "application/json");
    IntegratorHttp.Answer room = ios.get("/v1/spaces/" + APP_SPACE_ID + "/rooms/" + APP_ROOM_ID, CLIENT_TOKEN);
    assertEquals(APP_ROOM_ID, room.field("id"));
  }

  @Pact(consumer = "livedigital-sdk-app")
  V4Pact hardCodedTenant(PactDslWithProvider builder) {
    return builder
        .given("the SDK example apps' tenant exists")
        .uponReceiving("a guest token request with the apps' hard-coded credentials")
        .path("/v1/auth/token").method("POST")
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("client_id", APP_CLIENT_ID)
            .stringValue("client_secret", APP_CLIENT_SECRET).stringValue("grant_type", "client_credentials"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().stringMatcher("token_type", "^[Bb]earer$", "Bearer")
            .stringMatcher("access_token", JWT, CLIENT_TOKEN).stringMatcher("refresh_token", JWT, REFRESH_TOKEN))
        .given("the SDK example apps' tenant exists")
        .uponReceiving("the apps' default room by its hard-coded alias")
        .path("/v1/spaces/room-by-alias/" + APP_ALIAS).method("GET")
        .headerFromProviderState("Authorization", "Bearer ${sdkClientToken}", "Bearer " + CLIENT_TOKEN)
        .willRespondWith().status(200)
        .body(sdkRoom().stringValue("alias", APP_ALIAS))
        .toPact(V4Pact.class);
  }

  /** The apps run unchanged against the mock: their credentials and their room alias exist. */
  @Test
  @PactTestFor(pactMethod = "hardCodedTenant")
  void theAppsRunUnchanged(MockServer server) {
    IntegratorHttp app = new IntegratorHttp(server.getUrl());
    String guest = app.post("/v1/auth/token", Map.of("client_id", APP_CLIENT_ID, "client_secret", APP_CLIENT_SECRET,
        "grant_type", "client_credentials"), null).field("access_token");
    assertEquals(APP_ALIAS, app.get("/v1/spaces/room-by-alias/" + APP_ALIAS, guest).field("alias"));
  }
}
