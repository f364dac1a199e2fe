package io.livedigitalmock.server.domain;

import java.time.Instant;
import java.util.List;

/**
 * People entering and leaving rooms, and the calls that follow from it: the first one in starts a
 * call, the last one out finishes it [guide FAQ]. Three ways in: as the SDK does (create, signaling
 * token, join) [sdk], by opening an access link, or by the control plane's simulation.
 */
public final class Participants {

  private final TenantBackend backend;

  Participants(TenantBackend backend) {
    this.backend = backend;
  }

  /**
   * SDK step 1. A user gets the role their rights give (asking for less is allowed); a link guest
   * gets the link's role and identity. {@code requested} may be null.
   */
  public Participant create(Caller caller, String spaceId, String roomId, String name,
                            ParticipantRole requested, String clientUniqueId) {
    Validate.optional("name", name);
    Validate.optional("clientUniqueId", clientUniqueId);
    Validate.notBlank("roomId", roomId);
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Participant p;
      if (caller.kind() == Caller.Kind.GUEST) {
        AccessLink link = s.links.get(caller.linkId());
        if (link == null || !link.roomId().equals(roomId) || !link.spaceId().equals(spaceId)) {
          throw ApiError.forbidden("This access token is for another room");
        }
        p = newParticipant(spaceId, roomId, name != null ? name : link.username(),
            downgrade(link.role().participantRole(), requested), null, link.id(), link.email(), link.phone(), link.externalUserId(),
            link.externalMeetingId(), clientUniqueId, caller.userId());
      } else {
        String userId = caller.requireUser();
        Room room = s.admittedRoom(userId, spaceId, roomId);
        RoomRole roomRole = room.roleOf(userId);
        ParticipantRole role = roomRole == RoomRole.OWNER ? ParticipantRole.OWNER
            : roomRole == RoomRole.MODERATOR ? ParticipantRole.MODERATOR : ParticipantRole.USER;
        User user = s.user(userId);
        p = newParticipant(spaceId, roomId, name != null ? name : user.username(), downgrade(role, requested),
            userId, null, user.email(), user.phone(), null, null, clientUniqueId, userId);
      }
      s.participants.put(p.id(), p);
      return p;
    }
  }

  /** SDK step 2: a token for the media server; only the participant's creator may ask. */
  public String signalingToken(Caller caller, String spaceId, String participantId) {
    synchronized (backend.lock()) {
      Participant p = own(caller, spaceId, participantId);
      return backend.tokens().mintSignaling(p.id());
    }
  }

  /** SDK step 3: the participant enters the room. */
  public Participant join(Caller caller, String spaceId, String roomId, String participantId) {
    Validate.notBlank("participantId", participantId);
    synchronized (backend.lock()) {
      Participant p = own(caller, spaceId, participantId);
      if (!p.roomId().equals(roomId)) {
        throw ApiError.badRequest("participant " + participantId + " was created for another room");
      }
      return enter(p);
    }
  }

  /** Opening an access link's room page brings its holder in (and uses up a one-time link). */
  public Participant joinByLink(String tokenId, String alias) {
    synchronized (backend.lock()) {
      AccessLink link = backend.links().open(tokenId, alias);
      TenantState s = backend.state();
      Participant p = newParticipant(link.spaceId(), link.roomId(), link.username(),
          link.role().participantRole(), null, link.id(),
          link.email(), link.phone(), link.externalUserId(), link.externalMeetingId(), null, link.guestId());
      s.participants.put(p.id(), p);
      return enter(p);
    }
  }

  /** Control plane: someone joins room {@code roomId} as if from a real client. */
  public Participant simulateJoin(String roomId, JoinRequest who) {
    Validate.notBlank("name", who.name());
    Validate.optional("email", who.email());
    Validate.optional("phone", who.phone());
    Validate.optional("externalUserId", who.externalUserId());
    Validate.optional("externalMeetingId", who.externalMeetingId());
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Room room = s.rooms.get(roomId);
      if (room == null) {
        throw ApiError.notFound("Room");
      }
      Participant p = newParticipant(room.spaceId(), roomId, who.name(),
          who.role() != null ? who.role() : ParticipantRole.USER, null, null, who.email(), who.phone(),
          who.externalUserId(), who.externalMeetingId(), null, null);
      s.participants.put(p.id(), p);
      return enter(p);
    }
  }

  /** Control plane: the participant leaves; if they were the last one, the call ends. */
  public Participant leave(String participantId) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Participant p = s.participant(participantId);
      if (!p.isInRoom()) {
        throw ApiError.conflict("Participant is not in the room");
      }
      Instant now = backend.clock().now();
      Participant left = p.left(now);
      s.participants.put(p.id(), left);
      if (s.inRoomCount(p.roomId()) == 0) {
        finishCall(s.activeCall(p.roomId()), now);
      }
      return left;
    }
  }

  /** Control plane: everyone leaves at once and the call finishes. */
  public Call endCall(String roomId) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Call call = s.activeCall(roomId);
      if (call == null) {
        if (!s.rooms.containsKey(roomId)) {
          throw ApiError.notFound("Room");
        }
        throw ApiError.conflict("No active call in this room");
      }
      Instant now = backend.clock().now();
      s.participants.replaceAll((id, p) -> p.roomId().equals(roomId) && p.isInRoom() ? p.left(now) : p);
      return finishCall(call, now);
    }
  }

  public boolean exists(String participantId) {
    synchronized (backend.lock()) {
      return backend.state().participants.containsKey(participantId);
    }
  }

  public Participant get(String participantId) {
    synchronized (backend.lock()) {
      return backend.state().participant(participantId);
    }
  }

  public List<Participant> inRoom(String roomId) {
    synchronized (backend.lock()) {
      return backend.state().participants.values().stream()
          .filter(p -> p.roomId().equals(roomId) && p.isInRoom()).toList();
    }
  }

  /** The room's call now, or null. */
  public Call activeCall(String roomId) {
    synchronized (backend.lock()) {
      return backend.state().activeCall(roomId);
    }
  }

  public List<Call> calls(String roomId) {
    synchronized (backend.lock()) {
      return backend.state().calls.values().stream().filter(c -> c.roomId().equals(roomId)).toList();
    }
  }

  private Participant own(Caller caller, String spaceId, String participantId) {
    if (caller.kind() == Caller.Kind.CLIENT) {
      throw ApiError.forbidden(ApiError.USER_TOKEN_REQUIRED);
    }
    Participant p = backend.state().participant(participantId);
    if (!p.spaceId().equals(spaceId)) {
      throw ApiError.notFound("Participant");
    }
    if (!caller.userId().equals(p.createdBy())) {
      throw ApiError.forbidden("This participant belongs to someone else");
    }
    return p;
  }

  /** Under the lock: the participant is in; a call starts if none runs; auto-recording may start. */
  private Participant enter(Participant p) {
    TenantState s = backend.state();
    if (p.leftAt() != null) {
      throw ApiError.conflict("Participant has left; create a new participant to join again");
    }
    if (p.isInRoom()) {
      throw ApiError.conflict("Participant has already joined");
    }
    Room room = s.rooms.get(p.roomId());
    if (room == null) {
      throw ApiError.notFound("Room");
    }
    Instant now = backend.clock().now();
    Call call = s.activeCall(room.id());
    if (call == null) {
      call = new Call(backend.ids().objectId(), room.spaceId(), room.id(), now, null, List.of(), 0);
      s.activeCallIdByRoom.put(room.id(), call.id());
      s.rooms.put(room.id(), room.withLastCallAt(now));
      backend.emit(EventName.CALL_STARTED, room.spaceId(), room.id(), null);
    }
    Participant joined = p.joined(call.id(), now);
    s.participants.put(joined.id(), joined);
    call = call.withParticipant(joined.id(), (int) s.inRoomCount(room.id()));
    s.calls.put(call.id(), call);
    String callId = call.id();
    boolean recordedThisCall = s.recordings.values().stream().anyMatch(r -> r.callId().equals(callId));
    if (room.flag(RoomFlag.IS_AUTO_RECORDING_ALLOWED) && room.flag(RoomFlag.IS_RECORD_ALLOWED)
        && joined.role().moderates() && !recordedThisCall) {
      backend.recordings().begin(room, call, now);
    }
    return joined;
  }

  /** Under the lock: a running recording stops with the call, then the call finishes. */
  private Call finishCall(Call call, Instant now) {
    if (call == null) {
      return null;
    }
    TenantState s = backend.state();
    Recording recording = s.activeRecording(call.roomId());
    if (recording != null) {
      backend.recordings().end(recording, now);
    }
    Call finished = call.finished(now);
    s.calls.put(finished.id(), finished);
    s.activeCallIdByRoom.remove(call.roomId());
    backend.emit(EventName.CALL_FINISHED, call.spaceId(), call.roomId(), null);
    return finished;
  }

  private Participant newParticipant(String spaceId, String roomId, String name, ParticipantRole role,
                                     String userId, String linkId, String email, String phone,
                                     String externalUserId, String externalMeetingId, String clientUniqueId,
                                     String createdBy) {
    return new Participant(backend.ids().objectId(), spaceId, roomId, name, role, userId, linkId, email,
        phone, externalUserId, externalMeetingId, clientUniqueId, createdBy, backend.clock().now(), null,
        null, null);
  }

  private static ParticipantRole downgrade(ParticipantRole allowed, ParticipantRole requested) {
    return requested != null && requested.ordinal() < allowed.ordinal() ? requested : allowed;
  }
}
