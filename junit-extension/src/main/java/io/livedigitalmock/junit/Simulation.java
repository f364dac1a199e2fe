package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What people and the media service do on the real platform, on demand: joining (a call starts with
 * the first participant and ends with the last), leaving, ending a call, recording. Each fires the
 * webhooks the real service would.
 */
public final class Simulation {

  /**
   * Who joins: {@code role} is {@code user} (default), {@code moderator} or {@code owner}; the external
   * ids reappear in analytics.
   */
  public record Guest(String name, String role, String email, String phone, String externalUserId,
                      String externalMeetingId) {

    public static Guest named(String name) {
      return new Guest(name, null, null, null, null, null);
    }

    public Guest withRole(String newRole) {
      return new Guest(name, newRole, email, phone, externalUserId, externalMeetingId);
    }

    public Guest withEmail(String newEmail) {
      return new Guest(name, role, newEmail, phone, externalUserId, externalMeetingId);
    }

    public Guest withPhone(String newPhone) {
      return new Guest(name, role, email, newPhone, externalUserId, externalMeetingId);
    }

    public Guest withExternalUserId(String id) {
      return new Guest(name, role, email, phone, id, externalMeetingId);
    }

    public Guest withExternalMeetingId(String id) {
      return new Guest(name, role, email, phone, externalUserId, id);
    }
  }

  /**
   * A room right now: the call and recording under way (null if none), who is in, who was created
   * through the API but has not joined (an app that connects without calling join), and all its calls.
   */
  public record RoomState(String roomId, String activeCallId, String activeRecordingId,
                          List<String> participantIds, List<String> notYetJoinedIds, List<String> callIds) {
  }

  private final Livedigital mock;

  Simulation(Livedigital mock) {
    this.mock = mock;
  }

  /** A participant named {@code name} joins the room; answers the participant's id. */
  public String join(String roomId, String name) {
    return join(roomId, Guest.named(name));
  }

  public String join(String roomId, Guest guest) {
    ObjectNode body = JsonHttp.object().put("name", guest.name());
    putIfSet(body, "role", guest.role());
    putIfSet(body, "email", guest.email());
    putIfSet(body, "phone", guest.phone());
    putIfSet(body, "externalUserId", guest.externalUserId());
    putIfSet(body, "externalMeetingId", guest.externalMeetingId());
    return mock.http().post("/_mock/rooms/" + Paths.segment(roomId) + "/participants", body, null)
        .path("id").asText();
  }

  /**
   * Opens an access link as its holder would, which joins them to the room; answers the participant's
   * id. The link is sent to this mock whatever host it names (in a container, links name the
   * container's own address).
   */
  public String openLink(String url) {
    return mock.http().getAbsolute(URI.create(url)).path("participantId").asText();
  }

  /**
   * A participant the app created (SDK flow: participant, signaling token) enters the room, as when
   * its SDK connects to the media server; the newer SDK apps never call join themselves. Idempotent.
   */
  public void connect(String participantId) {
    mock.http().post("/_mock/participants/" + Paths.segment(participantId) + "/join", null, null);
  }

  public void leave(String participantId) {
    mock.http().post("/_mock/participants/" + Paths.segment(participantId) + "/leave", null, null);
  }

  /** Ends the room's call (everyone leaves); answers the call's id. */
  public String endCall(String roomId) {
    return roomCommand(roomId, "/end-call").path("id").asText();
  }

  /** Starts recording the active call; answers the record's id. */
  public String startRecording(String roomId) {
    return roomCommand(roomId, "/recording/start").path("id").asText();
  }

  /** Stops the recording under way; answers the record's id. */
  public String stopRecording(String roomId) {
    return roomCommand(roomId, "/recording/stop").path("id").asText();
  }

  /** The recording under way fails ({@code record_failed}; it does not restart by itself); answers its id. */
  public String failRecording(String roomId) {
    return roomCommand(roomId, "/recording/fail").path("id").asText();
  }

  /** Changes a space's plan: {@code free}, {@code basic} or {@code pro}. */
  public void setPlan(String spaceId, String plan) {
    mock.http().put("/_mock/spaces/" + Paths.segment(spaceId) + "/plan", JsonHttp.object().put("plan", plan), null);
  }

  public RoomState roomState(String roomId) {
    JsonNode s = mock.http().get("/_mock/rooms/" + Paths.segment(roomId), null);
    List<String> participants = new ArrayList<>();
    s.path("participants").forEach(p -> participants.add(p.path("id").asText()));
    List<String> waiting = new ArrayList<>();
    s.path("notYetJoined").forEach(p -> waiting.add(p.path("id").asText()));
    List<String> calls = new ArrayList<>();
    s.path("calls").forEach(c -> calls.add(c.path("id").asText()));
    JsonNode call = s.path("activeCall");
    JsonNode recording = s.path("activeRecording");
    return new RoomState(roomId, call.isObject() ? JsonHttp.text(call, "id") : null,
        recording.isObject() ? JsonHttp.text(recording, "id") : null, List.copyOf(participants),
        List.copyOf(waiting), List.copyOf(calls));
  }

  private JsonNode roomCommand(String roomId, String command) {
    return mock.http().post("/_mock/rooms/" + Paths.segment(roomId) + command, null, null);
  }

  private static void putIfSet(ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
