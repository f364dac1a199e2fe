package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.JoinRequest;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Validate;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.ParticipantRole;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.RoomFlag;
import io.livedigitalmock.server.domain.rooms.RoomRole;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.webhooks.EventName;
import java.time.Instant;
import java.util.List;

/**
 * People entering and leaving rooms, and the calls that follow from it: the first one in starts a
 * call, the last one out finishes it [guide FAQ]. Three ways in: as the SDK does (create, signaling
 * token, join) [sdk], by opening an access link, or by the control plane's simulation. Whatever the
 * way, a one-time access link admits one person once.
 */
public final class Participants {

  private final TenantBackend backend;

  Participants(TenantBackend backend) {
    this.backend = backend;
  }

  /**
   * SDK step 1. A user gets the role their rights give (asking for less is allowed); a link guest
   * gets the link's role and identity; the client itself (the SDK example apps log in with
   * client_credentials only [sdk]) enters public rooms of public spaces as a plain participant.
   * {@code requested} may be null or any value (the apps send "host" [sdk]).
   */
  public Participant create(Caller caller, String spaceId, String roomId, String name,
                            String requested, String clientUniqueId) {
    Validate.optional("name", name);
    Validate.optional("role", requested);
    Validate.optional("clientUniqueId", clientUniqueId);
    Validate.notBlank("roomId", roomId);
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Participant p = switch (caller.kind()) {
        case GUEST -> {
          AccessLink link = s.links.get(caller.linkId());
          if (link == null || !link.roomId().equals(roomId) || !link.spaceId().equals(spaceId)) {
            throw ApiError.forbidden("This access token is for another room");
          }
          requireUsable(link);
          yield newParticipant(spaceId, roomId, name != null ? name : link.username(),
              ParticipantRole.granted(requested, link.role().participantRole()), null, link.id(), link.email(),
              link.phone(), link.externalUserId(), link.externalMeetingId(), clientUniqueId, caller.identity());
        }
        case CLIENT -> {
          Space space = s.space(spaceId);
          Room room = s.room(spaceId, roomId);
          if (!room.isPublic() || !space.isPublic()) {
            // a private room admits only users granted a role in it [guide FAQ]
            throw ApiError.forbidden("Only users with a role in this private room may enter it");
          }
          yield newParticipant(spaceId, roomId, name != null ? name : "Guest",
              ParticipantRole.granted(requested, ParticipantRole.USER), null, null, null, null, null, null,
              clientUniqueId, caller.identity());
        }
        case USER -> userParticipant(caller.userId(), spaceId, roomId, name, requested, clientUniqueId);
      };
      s.participants.put(p.id(), p);
      return p;
    }
  }

  /** SDK step 2: a token for the media server; only the participant's creator may ask. */
  public String signalingToken(Caller caller, String spaceId, String participantId) {
    synchronized (backend.lock()) {
      Participant p = own(caller, spaceId, participantId);
      return backend.tokens().mintSignaling(p);
    }
  }

  /**
   * SDK step 3: the participant enters the room. Sent again while in the room it changes nothing
   * (the iOS example re-sends it whenever its SDK rejoins the channel [sdk]); after leaving, the same
   * participant enters again.
   */
  public Participant join(Caller caller, String spaceId, String roomId, String participantId) {
    Validate.notBlank("participantId", participantId);
    synchronized (backend.lock()) {
      Participant p = own(caller, spaceId, participantId);
      if (!p.roomId().equals(roomId)) {
        throw ApiError.badRequest("participant " + participantId + " was created for another room");
      }
      return p.isInRoom() ? p : enter(p);
    }
  }

  /**
   * Control plane: a created participant enters, as when its app connects to the media server with
   * the signaling token (the newer SDK apps never call join [sdk]). Idempotent like join.
   */
  public Participant connect(String participantId) {
    synchronized (backend.lock()) {
      Participant p = backend.state().participant(participantId);
      return p.isInRoom() ? p : enter(p);
    }
  }

  /** An access link's holder joins from the room page (and uses up a one-time link). */
  public Participant joinByLink(String tokenId, String alias) {
    synchronized (backend.lock()) {
      AccessLink link = backend.links().opening(tokenId, alias);
      TenantState s = backend.state();
      Participant p = newParticipant(link.spaceId(), link.roomId(), link.username(),
          link.role().participantRole(), null, link.id(),
          link.email(), link.phone(), link.externalUserId(), link.externalMeetingId(), null, link.guestId());
      return enter(p);
    }
  }

  /**
   * A registered user joins from the room page (opened with their own token, as the iframe embedding
   * does [guide]): private rooms only with a role in them [guide FAQ]; the role their rights give.
   */
  public Participant joinAsUser(Caller caller, String alias, String name) {
    String userId = caller.requireUser();
    Validate.optional("participantName", name);
    synchronized (backend.lock()) {
      Room room = backend.rooms().byAlias(alias);
      Participant p = userParticipant(userId, room.spaceId(), room.id(), name, null, null);
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
      ParticipantRole role = ParticipantRole.of(who.role());
      Participant p = newParticipant(room.spaceId(), roomId, who.name(),
          role != null ? role : ParticipantRole.USER, null, null, who.email(), who.phone(),
          who.externalUserId(), who.externalMeetingId(), null, null);
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

  /** Created through the API but never joined (an app that connects without calling join [sdk]). */
  public List<Participant> notYetJoined(String roomId) {
    synchronized (backend.lock()) {
      return backend.state().participants.values().stream()
          .filter(p -> p.roomId().equals(roomId) && p.joinedAt() == null).toList();
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

  /**
   * A participant the caller may act for: its creator, or anyone who may enter its room (no source
   * ties a participant to its creator [assumed, ledger C3]); a private room still needs a role.
   */
  private Participant own(Caller caller, String spaceId, String participantId) {
    TenantState s = backend.state();
    Participant p = s.participant(participantId);
    if (!p.spaceId().equals(spaceId)) {
      throw ApiError.notFound("Participant");
    }
    if (caller.identity().equals(p.createdBy())) {
      return p;
    }
    Space space = s.space(spaceId);
    Room room = s.room(spaceId, p.roomId());
    boolean mayEnter = switch (caller.kind()) {
      case CLIENT -> room.isPublic() && space.isPublic();
      case USER -> room.admits(caller.userId(), space);
      case GUEST -> s.links.get(caller.linkId()) != null && s.links.get(caller.linkId()).roomId().equals(room.id());
    };
    if (!mayEnter) {
      throw ApiError.forbidden("No access to this participant's room");
    }
    return p;
  }

  /**
   * Under the lock: the participant is in; a call starts if none runs; auto-recording may start.
   * Entering through a one-time link uses it up here, whichever way the holder came: of any number
   * of racing entries on one link, exactly one gets in.
   */
  private Participant enter(Participant p) {
    TenantState s = backend.state();
    Room room = s.rooms.get(p.roomId());
    if (room == null) {
      throw ApiError.notFound("Room");
    }
    Instant now = backend.clock().now();
    if (p.linkId() != null) {
      AccessLink link = s.links.get(p.linkId());
      if (link == null) {
        throw ApiError.gone("Access link was deleted");
      }
      requireUsable(link);
      s.links.put(link.id(), link.opened(now));
    }
    Call call = s.activeCall(room.id());
    if (call == null) {
      call = new Call(backend.ids().objectId(), room.spaceId(), room.id(), now, null, List.of(), 0);
      s.activeCallIdByRoom.put(room.id(), call.id());
      s.rooms.put(room.id(), room.withLastCallAt(now));
      backend.emit(EventName.CALL_STARTED, room.spaceId(), room.id(), null);
    }
    Participant joined = p.joined(call.id(), now);
    s.participants.put(joined.id(), joined);
    call = call.withParticipant(joined.id(), s.inRoomCount(room.id()));
    s.calls.put(call.id(), call);
    if (room.flag(RoomFlag.IS_AUTO_RECORDING_ALLOWED) && room.flag(RoomFlag.IS_RECORD_ALLOWED)
        && joined.role().moderates() && !recordedAlready(call)) {
      backend.recordings().begin(room, call, now);
    }
    return joined;
  }

  /** Asked only when a moderator enters a room that records by itself: it looks at every recording. */
  private boolean recordedAlready(Call call) {
    return backend.state().recordings.values().stream().anyMatch(r -> r.callId().equals(call.id()));
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

  /** Under the lock: a participant for a user admitted to the room, with the role their room role gives. */
  private Participant userParticipant(String userId, String spaceId, String roomId, String name,
                                      String requested, String clientUniqueId) {
    TenantState s = backend.state();
    Room room = s.admittedRoom(userId, spaceId, roomId);
    RoomRole roomRole = room.roleOf(userId);
    ParticipantRole role = roomRole == RoomRole.OWNER ? ParticipantRole.OWNER
        : roomRole == RoomRole.MODERATOR ? ParticipantRole.MODERATOR : ParticipantRole.USER;
    User user = s.user(userId);
    return newParticipant(spaceId, roomId, name != null ? name : user.username(),
        ParticipantRole.granted(requested, role), userId, null, user.email(), user.phone(), null, null,
        clientUniqueId, userId);
  }

  private Participant newParticipant(String spaceId, String roomId, String name, ParticipantRole role,
                                     String userId, String linkId, String email, String phone,
                                     String externalUserId, String externalMeetingId, String clientUniqueId,
                                     String createdBy) {
    return new Participant(backend.ids().objectId(), spaceId, roomId, name, role, userId, linkId, email,
        phone, externalUserId, externalMeetingId, clientUniqueId, createdBy, backend.clock().now(), null,
        null, null);
  }

  private void requireUsable(AccessLink link) {
    AccessLinks.requireUsable(link, backend.clock().now());
  }
}
