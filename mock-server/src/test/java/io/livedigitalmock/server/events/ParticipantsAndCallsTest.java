package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.events.EventsKit.Resp;
import io.livedigitalmock.server.events.EventsKit.Tenant;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * Point 1: joining as the SDK does, through access links and through the control plane; the first
 * participant in starts a call with a new id, the last one out finishes it, and each shows up as a
 * {@code call_started} / {@code call_finished} webhook.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ParticipantsAndCallsTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private Tenant t;
  private String spaceId;
  private String roomId;
  private WebhookReceiver receiver;


  @BeforeEach
  void tenantWithRoomAndWebhook() {
    t = kit.newTenant();
    spaceId = t.createSpace();
    roomId = t.createRoomId(spaceId);
    receiver = WebhookReceiver.answering(200);
    t.createWebhook(spaceId, receiver.url());
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void sdkJoinStartsACallAndTheLastOneLeavingFinishesIt() {
    long seq = t.lastSeq();
    String alice = sdkParticipant("Alice", "c-alice");
    String token = kit.post("/v1/spaces/" + spaceId + "/participants/" + alice + "/signaling-token", t.token, null)
        .expect(201).getString("signalingToken");
    assertFalse(token.isBlank());
    assertNull(t.roomState(roomId).getJsonObject("activeCall"), "creating a participant is not joining");

    kit.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/join", t.token,
        new JsonObject().put("participantId", alice)).expect(200);
    JsonObject state = t.roomState(roomId);
    String callId = state.getJsonObject("activeCall").getString("id");
    assertTrue(callId.matches("[0-9a-f]{24}"), callId);
    assertEquals(1, state.getJsonArray("participants").size());

    JsonObject started = t.nextDelivery("eventName=call_started&roomId=" + roomId, seq);
    assertEquals("delivered", started.getString("outcome"));
    assertEquals(new JsonObject().put("eventName", "call_started").put("roomId", roomId).put("spaceId", spaceId),
        receiver.await(EventsKit.WAIT).eventBody(), "call events carry eventName, roomId, spaceId");

    String bob = sdkParticipant("Bob", "c-bob");
    kit.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/join", t.token,
        new JsonObject().put("participantId", bob)).expect(200);
    assertEquals(callId, t.roomState(roomId).getJsonObject("activeCall").getString("id"),
        "the second participant joins the running call");

    t.leave(alice);
    assertEquals(callId, t.roomState(roomId).getJsonObject("activeCall").getString("id"),
        "the call goes on while someone is in");
    JsonObject bobLeft = t.leave(bob);
    assertFalse(bobLeft.getBoolean("inRoom"));
    assertNull(t.roomState(roomId).getJsonObject("activeCall"), "the last one out finishes the call");
    JsonObject finished = t.nextDelivery("eventName=call_finished&roomId=" + roomId, seq);
    assertEquals(new JsonObject().put("eventName", "call_finished").put("roomId", roomId).put("spaceId", spaceId),
        new JsonObject(finished.getString("requestBody")).getJsonObject("body"));

    // exactly one call, one call_started and one call_finished for it
    List<JsonObject> calls = t.roomState(roomId).getJsonArray("calls").stream().map(c -> (JsonObject) c).toList();
    assertEquals(1, calls.size());
    assertEquals(callId, calls.get(0).getString("id"));
    assertEquals(List.of(alice, bob), calls.get(0).getJsonArray("participantIds").getList());
    assertEquals(1, t.deliveries("roomId=" + roomId + "&eventName=call_started").size());
    assertEquals(1, t.deliveries("roomId=" + roomId + "&eventName=call_finished").size());

    // coming back is a new participant, and the first one in starts a new call
    String carol = sdkParticipant("Carol", "c-carol");
    JsonObject joined = kit.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/join", t.token,
        new JsonObject().put("participantId", carol)).expect(200);
    assertNotEquals(callId, joined.getString("callId"));
    assertEquals(joined.getString("callId"), t.roomState(roomId).getJsonObject("activeCall").getString("id"));
    JsonObject restarted = t.nextDelivery("eventName=call_started&roomId=" + roomId, started.getLong("seq"));
    assertTrue(restarted.getLong("seq") > finished.getLong("seq"), "a new call_started for the new call");
  }

  @Test
  void joinAgainChangesNothingAndAfterLeavingTheSameParticipantComesBack() {
    long seq = t.lastSeq();
    String alice = sdkParticipant("Alice", null);
    String join = "/v1/spaces/" + spaceId + "/rooms/" + roomId + "/join";
    String firstCall = kit.post(join, t.token, new JsonObject().put("participantId", alice)).expect(200)
        .getString("callId");
    // the iOS example re-sends join whenever its SDK rejoins the channel [sdk]
    assertEquals(firstCall, kit.post(join, t.token, new JsonObject().put("participantId", alice)).expect(200)
        .getString("callId"));
    assertEquals(1, t.roomState(roomId).getJsonArray("participants").size());
    t.nextDelivery("eventName=call_started&roomId=" + roomId, seq);

    t.leave(alice);
    kit.post("/_mock/participants/" + alice + "/leave", null, null).expect(409);
    t.nextDelivery("eventName=call_finished&roomId=" + roomId, seq);
    assertEquals(1, t.deliveries("roomId=" + roomId + "&eventName=call_started").size(),
        "the repeated join started no second call");
    JsonObject back = kit.post(join, t.token, new JsonObject().put("participantId", alice)).expect(200);
    assertTrue(back.getBoolean("inRoom"));
    assertNotEquals(firstCall, back.getString("callId"), "the first one back starts a new call");
    kit.post(join, t.token, new JsonObject().put("participantId", "0123456789abcdef01234567")).expect(404);
  }

  @Test
  void aParticipantIsJoinedByWhoeverMayEnterItsRoomAndAPrivateRoomNeedsARole() {
    // no source ties a participant to its creator (ledger C3); entering a private room needs a role [guide FAQ]
    String closedRoom = t.createRoom(spaceId, new JsonObject().put("isPublic", false)).getString("id");
    String alice = kit.post("/v1/spaces/" + spaceId + "/participants", t.token,
        new JsonObject().put("roomId", closedRoom).put("name", "Alice")).expect(201).getString("id");
    EventsKit.Member other = t.spaceMember(spaceId, "role_space_user", "Mallory");
    String join = "/v1/spaces/" + spaceId + "/rooms/" + closedRoom + "/join";
    kit.post(join, other.token(), new JsonObject().put("participantId", alice)).expect(403);
    kit.post("/v1/spaces/" + spaceId + "/participants/" + alice + "/signaling-token", other.token(), null)
        .expect(403);
    kit.post(join, t.clientToken(), new JsonObject().put("participantId", alice)).expect(403);
    assertNull(t.roomState(closedRoom).getJsonObject("activeCall"));

    String bob = sdkParticipant("Bob", null);
    kit.post("/v1/spaces/" + spaceId + "/participants/" + bob + "/signaling-token", other.token(), null)
        .expect(201);
    kit.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/join", t.clientToken(),
        new JsonObject().put("participantId", bob)).expect(200);
    assertEquals(bob, t.roomState(roomId).getJsonArray("participants").getJsonObject(0).getString("id"));
  }

  @Test
  void anAccessLinkJoinCountsAndAOneTimeLinkIsConsumed() {
    long seq = t.lastSeq();
    String url = kit.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access", t.token,
        new JsonObject().put("username", "Гость").put("role", "user").put("externalUserId", "ext-1"))
        .expect(200).getString("url");
    assertTrue(url.startsWith(kit.baseUrl() + "/room/"), url);

    JsonObject opened = kit.get(url, null).expect(200);
    String callId = opened.getString("callId");
    assertNotNull(callId);
    JsonObject state = t.roomState(roomId);
    assertEquals(callId, state.getJsonObject("activeCall").getString("id"));
    JsonObject guest = state.getJsonArray("participants").getJsonObject(0);
    assertEquals("Гость", guest.getString("name"));
    assertEquals("user", guest.getString("role"));
    assertEquals("ext-1", guest.getString("externalUserId"));
    assertEquals(opened.getString("participantId"), guest.getString("id"));
    t.nextDelivery("eventName=call_started&roomId=" + roomId, seq);

    assertEquals(410, kit.get(url, null).status(), "a one-time link admits once");
    assertEquals(1, t.roomState(roomId).getJsonArray("participants").size());

    t.leave(guest.getString("id"));
    assertNull(t.roomState(roomId).getJsonObject("activeCall"));
    t.nextDelivery("eventName=call_finished&roomId=" + roomId, seq);
  }

  @Test
  void aPermanentLinkAdmitsAgainUntilItsTtlRunsOut() {
    String url = kit.post("/v1/spaces/" + spaceId + "/rooms/" + roomId + "/generate-access", t.token,
        new JsonObject().put("username", "Regular").put("role", "moderator").put("isPermanent", true)
            .put("ttl", 600)).expect(200).getString("url");
    JsonObject first = kit.get(url, null).expect(200);
    JsonObject second = kit.get(url, null).expect(200);
    assertEquals(first.getString("callId"), second.getString("callId"), "both are in the same call");
    assertNotEquals(first.getString("participantId"), second.getString("participantId"));
    assertEquals(2, t.roomState(roomId).getJsonArray("participants").size());

    t.advanceClock(601);
    assertEquals(410, kit.get(url, null).status(), "the ttl is over by the tenant's clock");
  }

  @Test
  void theControlPlaneJoinsLeavesAndEndsCalls() {
    long seq = t.lastSeq();
    JsonObject ann = t.join(roomId, new JsonObject().put("name", "Ann").put("role", "moderator")
        .put("email", "ann@example.com").put("phone", "+100").put("externalUserId", "u-ann")
        .put("externalMeetingId", "m-1"));
    assertTrue(ann.getBoolean("inRoom"));
    assertEquals("moderator", ann.getString("role"));
    assertEquals("u-ann", ann.getString("externalUserId"));
    JsonObject ben = t.join(roomId, "Ben", null);
    assertEquals("user", ben.getString("role"), "the default role is user");
    String callId = ann.getString("callId");
    assertEquals(callId, ben.getString("callId"));

    t.leave(ben.getString("id"));
    assertNotNull(t.roomState(roomId).getJsonObject("activeCall"));
    JsonObject cid = t.join(roomId, "Cid", "user");
    assertEquals(callId, cid.getString("callId"));

    JsonObject ended = t.endCall(roomId);
    assertEquals(callId, ended.getString("id"));
    assertFalse(ended.getBoolean("active"));
    assertNotNull(ended.getString("finishedAt"));
    JsonObject state = t.roomState(roomId);
    assertNull(state.getJsonObject("activeCall"));
    assertTrue(state.getJsonArray("participants").isEmpty(), "ending the call takes everyone out");
    t.nextDelivery("eventName=call_finished&roomId=" + roomId, seq);
    assertEquals(1, t.deliveries("roomId=" + roomId + "&eventName=call_finished").size(),
        "one call_finished, not one per participant");

    kit.post("/_mock/rooms/" + roomId + "/end-call", null, null).expect(409);
    kit.post("/_mock/participants/" + cid.getString("id") + "/leave", null, null).expect(409);
    kit.post("/_mock/rooms/0123456789abcdef01234567/end-call", null, null).expect(404);
    kit.post("/_mock/rooms/0123456789abcdef01234567/participants", null, new JsonObject().put("name", "X"))
        .expect(404);
    kit.post("/_mock/rooms/" + roomId + "/participants", null, new JsonObject()).expect(400);
    kit.post("/_mock/participants/0123456789abcdef01234567/leave", null, null).expect(404);
  }

  @Test
  void callsInDifferentRoomsAreIndependent() {
    String other = t.createRoomId(spaceId);
    JsonObject a = t.join(roomId, "A", "user");
    JsonObject b = t.join(other, "B", "user");
    assertNotEquals(a.getString("callId"), b.getString("callId"));
    t.leave(a.getString("id"));
    assertNull(t.roomState(roomId).getJsonObject("activeCall"));
    assertEquals(b.getString("callId"), t.roomState(other).getJsonObject("activeCall").getString("id"));
  }

  @Test
  void aSpaceWithoutAWebhookGetsNoDeliveries() {
    String quiet = t.createSpace();
    String quietRoom = t.createRoomId(quiet);
    long seq = t.lastSeq();
    Resp joined = kit.post("/_mock/rooms/" + quietRoom + "/participants", null, new JsonObject().put("name", "Q"));
    assertEquals(201, joined.status());
    t.leave(joined.json().getString("id"));
    t.assertNoDelivery("spaceId=" + quiet, seq, 1_000);
  }

  /** SDK step 1, as the owner: answers the participant id. */
  private String sdkParticipant(String name, String clientUniqueId) {
    return kit.post("/v1/spaces/" + spaceId + "/participants", t.token, new JsonObject().put("name", name)
        .put("role", "user").put("roomId", roomId).put("clientUniqueId", clientUniqueId))
        .expect(201).getString("id");
  }
}
