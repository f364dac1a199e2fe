package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed control plane: simulation, clock, personal tokens, links, errors. */
@LivedigitalMock
class SimulationAndControlTest {

  @Test
  void joinsLeavesAndCallsShowInTheRoomState(Livedigital mock) {
    String spaceId = mock.seed().createSpace("school");
    String roomId = mock.seed().createRoom(spaceId, "room").id();

    String alice = mock.simulate().join(roomId, Simulation.Guest.named("Alice").withRole("moderator")
        .withExternalUserId("lms-1"));
    String bob = mock.simulate().join(roomId, "Bob");
    Simulation.RoomState during = mock.simulate().roomState(roomId);
    assertEquals(List.of(alice, bob), during.participantIds());
    assertTrue(during.activeCallId() != null);

    String recordId = mock.simulate().startRecording(roomId);
    assertEquals(recordId, mock.simulate().roomState(roomId).activeRecordingId());
    assertEquals(recordId, mock.simulate().stopRecording(roomId));

    mock.simulate().leave(bob);
    String callId = mock.simulate().endCall(roomId);
    Simulation.RoomState after = mock.simulate().roomState(roomId);
    assertEquals(during.activeCallId(), callId);
    assertNull(after.activeCallId());
    assertEquals(List.of(), after.participantIds());
    assertEquals(List.of(callId), after.callIds());
  }

  /** An app that creates its participant like the newer SDKs and never calls join: the test connects it. */
  @Test
  void aParticipantTheAppCreatedEntersWhenTheTestConnectsIt(Livedigital mock) {
    String spaceId = mock.seed().createSpace("school");
    String roomId = mock.seed().createRoom(spaceId, "room").id();
    String participant = RestAssured.given().baseUri(mock.baseUrl())
        .header("Authorization", "Bearer " + mock.clientToken()).contentType("application/json")
        .body(Map.of("name", "iPhone", "roomId", roomId, "role", "host", "clientUniqueId", "device-1"))
        .post("/v1/spaces/{s}/participants", spaceId).then().statusCode(201).extract().path("id");
    Simulation.RoomState before = mock.simulate().roomState(roomId);
    assertEquals(List.of(participant), before.notYetJoinedIds());
    assertNull(before.activeCallId());

    mock.simulate().connect(participant);
    mock.simulate().connect(participant);

    Simulation.RoomState after = mock.simulate().roomState(roomId);
    assertEquals(List.of(participant), after.participantIds());
    assertEquals(List.of(), after.notYetJoinedIds());
    assertTrue(after.activeCallId() != null, "the first one in starts a call");
  }

  @Test
  void generatedLinksAreListedAndOpenable(Livedigital mock) {
    String spaceId = mock.seed().createSpace("school");
    Seeding.Room room = mock.seed().createRoom(spaceId, "room");
    String url = mock.seed().generateAccess(spaceId, room.id(), "Carol", "user");
    assertTrue(url.contains("/room/" + room.alias()), url);

    TenantControl.AccessLink link = mock.tenant().links().get(0);
    assertEquals(url, link.url());
    assertEquals("Carol", link.username());
    assertEquals(0, link.opens());
    assertTrue(link.usable());

    String participant = mock.simulate().openLink(url);
    assertEquals(List.of(participant), mock.simulate().roomState(room.id()).participantIds());
    assertFalse(mock.tenant().links().get(0).usable(), "one-time links are used up");
  }

  @Test
  void theClockMovesForwardAndTokensFollow(Livedigital mock) {
    Instant before = mock.clock().now();
    String oldToken = mock.userToken();
    Instant later = mock.clock().advance(Duration.ofDays(8));   // past the 7-day access token lifetime
    assertTrue(Duration.between(before, later).compareTo(Duration.ofDays(8)) >= 0);
    me(mock, oldToken).statusCode(401);
    assertNotEquals(oldToken, mock.userToken(), "the handle fetched a new token");
    me(mock, mock.userToken()).statusCode(200);

    Instant target = later.plus(Duration.ofDays(1));
    assertEquals(target.toEpochMilli(), mock.clock().set(target).toEpochMilli());
    LivedigitalMockException backwards = assertThrows(LivedigitalMockException.class,
        () -> mock.clock().set(before));
    assertEquals(400, backwards.status());
  }

  @Test
  void personalTokensCanBeMintedAndRevoked(Livedigital mock) {
    TenantControl.PersonalToken token = mock.tenant().mintPersonalToken();
    assertEquals(mock.userId(), token.userId());
    me(mock, token.token()).statusCode(200);
    mock.tenant().revokePersonalToken(token.id());
    me(mock, token.token()).statusCode(401);

    String otherUser = mock.seed().createUser("teacher@school.test", "pw-123456", "Teacher");
    assertEquals(otherUser, mock.tenant().mintPersonalToken(otherUser).userId());
  }

  @Test
  void planChangesAreVisible(Livedigital mock) {
    String spaceId = mock.seed().createSpace("school");
    mock.simulate().setPlan(spaceId, "free");
    LivedigitalMockException e = assertThrows(LivedigitalMockException.class,
        () -> mock.seed().registerWebhook(spaceId, "http://127.0.0.1:9/hook"));
    assertEquals(403, e.status(), e.getMessage());
  }

  @Test
  void controlPlaneErrorsCarryStatusRequestAndMessage(Livedigital mock) {
    LivedigitalMockException e = assertThrows(LivedigitalMockException.class,
        () -> mock.simulate().join("000000000000000000000000", "nobody"));
    assertEquals(404, e.status());
    assertEquals("POST /_mock/rooms/000000000000000000000000/participants", e.request());
    assertTrue(e.getMessage().contains("404") && e.getMessage().contains(e.mockMessage()), e.getMessage());
    assertFalse(e.mockMessage().isBlank());
  }

  @Test
  void seedingTakesAnyFieldOfThePublicApi(Livedigital mock) {
    String spaceId = mock.seed().createSpace(Map.of("name", "private", "isPublic", false, "description", "d"));
    Seeding.Room webinar = mock.seed().createRoom(spaceId, Map.of("name", "webinar", "type", "webinar"));
    assertEquals("webinar", webinar.type());
    assertEquals(spaceId, webinar.spaceId());
    assertEquals(10, webinar.alias().length());
    assertEquals(Boolean.FALSE, RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .get("/spaces/" + spaceId).then().statusCode(200).extract().path("isPublic"));
  }

  private static io.restassured.response.ValidatableResponse me(Livedigital mock, String token) {
    return RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(token).get("/users/me").then();
  }
}
