package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.PersonalToken;
import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.calls.RecordingState;
import io.livedigitalmock.server.domain.common.IdSource;
import io.livedigitalmock.server.domain.common.ListMadeOnRead;
import io.livedigitalmock.server.domain.common.WireName;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.Invite;
import io.livedigitalmock.server.domain.rooms.LinkRole;
import io.livedigitalmock.server.domain.rooms.ParticipantRole;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.domain.rooms.Room;
import io.livedigitalmock.server.domain.rooms.RoomFlag;
import io.livedigitalmock.server.domain.rooms.RoomFlags;
import io.livedigitalmock.server.domain.rooms.RoomRole;
import io.livedigitalmock.server.domain.rooms.RoomType;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.rooms.SpaceRole;
import io.livedigitalmock.server.domain.state.IdPosition;
import io.livedigitalmock.server.domain.state.TenantSnapshot.CallState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.InviteState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.LinkState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.ParticipantState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.PersonalTokenState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.RecordState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.RoomState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.SpaceState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.UserMetaState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.UserState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.WebhookState;
import io.livedigitalmock.server.domain.state.TenantSnapshot;
import io.livedigitalmock.server.domain.webhooks.Webhook;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant turned into its saved form ({@link TenantSnapshot}) and back: the domain's records written
 * out with enum values under their API names, and read into a new backend's maps, through which what
 * it stores is counted against {@code --data-bytes} as any write is. The indexes are made again from
 * the records. Reading assumes a snapshot that {@link io.livedigitalmock.server.domain.state.SnapshotCheck}
 * passed.
 */
final class SavedTenants {

  private SavedTenants() {
  }

  /** The tenant as it is now: read under the tenant's monitor (no reset mid-way) and its backend's lock. */
  static TenantSnapshot capture(Tenant tenant) {
    synchronized (tenant) {
      TenantBackend backend = tenant.backend();
      TenantSpec spec = tenant.spec();
      synchronized (backend.lock()) {
        TenantState s = backend.state();
        return new TenantSnapshot(spec.clientId(), spec.clientSecret(), tenant.clientObjectId(), spec.plan().wire(),
            tenant.user().id(), spec.userEmail(), spec.userPassword(), spec.userName(), tenant.builtIn(),
            backend.clock().offsetMillis(), position(backend.ids()), position(backend.eventIds()),
            saved(s.users.values(), SavedTenants::user),
            saved(s.spaces.values(), SavedTenants::space),
            saved(s.rooms.values(), SavedTenants::room),
            saved(s.invites.values(), SavedTenants::invite),
            saved(s.links.values(), SavedTenants::link),
            saved(s.personalTokens.values(), SavedTenants::personalToken),
            saved(s.participants.values(), SavedTenants::participant),
            saved(s.calls.values(), SavedTenants::call),
            saved(s.recordings.values(), SavedTenants::record),
            saved(s.webhookBySpace.values(), w -> new WebhookState(w.spaceId(), w.url(), w.secret(),
                w.isActive(), w.createdAt())),
            s.externalUserMeta.entrySet().stream().map(SavedTenants::meta).toList());
      }
    }
  }

  /** Puts what {@code saved} stores into {@code backend} (new, empty, not yet in use). */
  static void fill(TenantBackend backend, TenantSnapshot saved) {
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      for (UserState u : saved.users()) {
        s.users.put(u.id(), new User(u.id(), u.email(), u.username(), u.password(), u.phone(), u.signature(),
            u.createdAt()));
        s.userIdByEmail.put(TenantState.emailKey(u.email()), u.id());
      }
      for (SpaceState sp : saved.spaces()) {
        Map<String, SpaceRole> members = new LinkedHashMap<>();
        sp.members().forEach((user, role) -> members.put(user, WireName.parse(SpaceRole.class, "role", role)));
        s.spaces.put(sp.id(), new Space(sp.id(), sp.name(), sp.description(), sp.logo(), sp.isPublic(), sp.ownerId(),
            WireName.parse(Plan.class, "plan", sp.plan()), sp.createdAt(), members));
      }
      for (RoomState r : saved.rooms()) {
        Map<RoomFlag, Boolean> flags = new EnumMap<>(RoomFlag.class);
        for (RoomFlag flag : RoomFlag.values()) {
          Boolean value = r.flags().get(flag.field());
          if (value != null) {
            flags.put(flag, value);
          }
        }
        Map<String, RoomRole> roles = new LinkedHashMap<>();
        r.roles().forEach((user, role) -> roles.put(user, WireName.parse(RoomRole.class, "role", role)));
        s.rooms.put(r.id(), Room.restored(r.id(), r.alias(), r.channelId(), s.storedSpaceId(r.spaceId()),
            s.storedUserId(r.creatorId()), r.name(),
            RoomType.of(r.type()), r.isPublic(), RoomFlags.of(flags), r.waitingRoomAudience(), r.createdAt(), r.lastCallAt(),
            roles, r.redirectUrl()));
        s.roomIdByAlias.put(r.alias(), r.id());
      }
      for (InviteState i : saved.invites()) {
        s.invites.put(i.id(), new Invite(i.id(), i.spaceId(), WireName.parse(SpaceRole.class, "role", i.role()),
            i.createdBy(), i.createdAt(), i.activatedBy(), i.activatedAt()));
      }
      for (LinkState l : saved.links()) {
        s.links.put(l.id(), new AccessLink(l.id(), l.spaceId(), l.roomId(), l.alias(), l.username(),
            WireName.parse(LinkRole.class, "role", l.role()), l.externalUserId(), l.externalMeetingId(), l.email(),
            l.phone(), l.ttlSeconds(), l.permanent(), l.guestId(), l.tokenId(), l.accessToken(), l.url(),
            l.createdBy(), l.createdAt(), l.expiresAt(), l.opens(), l.firstOpenedAt()));
        s.linkIdByTokenId.put(l.tokenId(), l.id());
      }
      for (PersonalTokenState t : saved.personalTokens()) {
        s.personalTokens.put(t.id(), new PersonalToken(t.id(), t.userId(), t.tokenId(), t.token(), t.createdAt(),
            t.revokedAt()));
        s.personalTokenIdByTokenId.put(t.tokenId(), t.id());
      }
      for (ParticipantState p : saved.participants()) {
        s.participants.put(p.id(), new Participant(p.id(), p.spaceId(), p.roomId(), p.name(),
            new ParticipantRole(p.role(), p.roleModerates()), p.userId(), p.linkId(), p.email(), p.phone(),
            p.externalUserId(), p.externalMeetingId(), p.clientUniqueId(), p.createdBy(), p.createdAt(), p.callId(),
            p.joinedAt(), p.leftAt()));
      }
      for (CallState c : saved.calls()) {
        s.calls.put(c.id(), new Call(c.id(), c.spaceId(), c.roomId(), c.startedAt(), c.finishedAt(),
            c.participantIds(), c.peakParticipants()));
        if (c.finishedAt() == null) {
          s.activeCallIdByRoom.put(c.roomId(), c.id());
        }
      }
      for (RecordState r : saved.records()) {
        RecordingState state = WireName.parse(RecordingState.class, "state", r.state());
        s.recordings.put(r.id(), new Recording(r.id(), r.name(), r.fileSize(), r.roomId(), r.spaceId(), r.callId(),
            state, r.createdAt(), r.startedAt(), r.finishedAt()));
        if (state == RecordingState.STARTED) {
          s.activeRecordingIdByRoom.put(r.roomId(), r.id());
        }
      }
      for (WebhookState w : saved.webhooks()) {
        s.webhookBySpace.put(w.spaceId(), new Webhook(w.spaceId(), w.url(), w.secret(), w.isActive(), w.createdAt()));
      }
      for (UserMetaState m : saved.externalUserMeta()) {
        s.externalUserMeta.put(Analytics.metaKey(m.externalUserId(), m.externalMeetingId()),
            new LinkedHashMap<>(m.meta()));
      }
    }
  }

  /**
   * {@code stored} in its saved form, each made when read: what a tenant stores is immutable records,
   * so the references taken under the lock are all a snapshot must hold, not a second copy of the data
   * (a full store would not fit twice in the heap).
   */
  private static <T, S> List<S> saved(java.util.Collection<T> stored, java.util.function.Function<T, S> form) {
    @SuppressWarnings("unchecked")
    T[] taken = (T[]) stored.toArray();
    return ListMadeOnRead.of(taken.length, i -> form.apply(taken[i]));
  }

  private static IdPosition position(IdSource ids) {
    return new IdPosition(ids.seed(), ids.draws());
  }

  private static UserState user(User u) {
    return new UserState(u.id(), u.email(), u.username(), u.password(), u.phone(), u.signature(), u.createdAt());
  }

  private static SpaceState space(Space s) {
    Map<String, String> members = new TreeMap<>();
    s.members().forEach((user, role) -> members.put(user, role.wire()));
    return new SpaceState(s.id(), s.name(), s.description(), s.logo(), s.isPublic(), s.ownerId(), s.plan().wire(),
        s.createdAt(), members);
  }

  private static RoomState room(Room r) {
    Map<String, Boolean> flags = new LinkedHashMap<>();
    r.flags().asMap().forEach((flag, value) -> flags.put(flag.field(), value));
    Map<String, String> roles = new TreeMap<>();
    r.roles().forEach((user, role) -> roles.put(user, role.wire()));
    return new RoomState(r.id(), r.alias(), r.channelId(), r.spaceId(), r.creatorId(), r.name(), r.type().wire(),
        r.isPublic(), sortedByFlag(flags), r.waitingRoomAudience(), r.createdAt(), r.lastCallAt(), roles,
        r.redirectUrl());
  }

  /** Flags in the order RoomFlag declares them, whatever order the record's map has. */
  private static Map<String, Boolean> sortedByFlag(Map<String, Boolean> flags) {
    Map<String, Boolean> sorted = new LinkedHashMap<>();
    for (RoomFlag flag : RoomFlag.values()) {
      if (flags.containsKey(flag.field())) {
        sorted.put(flag.field(), flags.get(flag.field()));
      }
    }
    return sorted;
  }

  private static InviteState invite(Invite i) {
    return new InviteState(i.id(), i.spaceId(), i.role().wire(), i.createdBy(), i.createdAt(), i.activatedBy(),
        i.activatedAt());
  }

  private static LinkState link(AccessLink l) {
    return new LinkState(l.id(), l.spaceId(), l.roomId(), l.alias(), l.username(), l.role().wire(), l.externalUserId(),
        l.externalMeetingId(), l.email(), l.phone(), l.ttlSeconds(), l.permanent(), l.guestId(), l.tokenId(),
        l.accessToken(), l.url(), l.createdBy(), l.createdAt(), l.expiresAt(), l.opens(), l.firstOpenedAt());
  }

  private static PersonalTokenState personalToken(PersonalToken t) {
    return new PersonalTokenState(t.id(), t.userId(), t.tokenId(), t.token(), t.createdAt(), t.revokedAt());
  }

  private static ParticipantState participant(Participant p) {
    return new ParticipantState(p.id(), p.spaceId(), p.roomId(), p.name(), p.role().wire(), p.role().moderates(),
        p.userId(), p.linkId(), p.email(), p.phone(), p.externalUserId(), p.externalMeetingId(), p.clientUniqueId(),
        p.createdBy(), p.createdAt(), p.callId(), p.joinedAt(), p.leftAt());
  }

  private static CallState call(Call c) {
    return new CallState(c.id(), c.spaceId(), c.roomId(), c.startedAt(), c.finishedAt(), List.copyOf(c.participantIds()),
        c.peakParticipants());
  }

  private static RecordState record(Recording r) {
    return new RecordState(r.id(), r.name(), r.fileSize(), r.roomId(), r.spaceId(), r.callId(), r.state().wire(),
        r.createdAt(), r.startedAt(), r.finishedAt());
  }

  private static UserMetaState meta(Map.Entry<String, Map<String, Object>> entry) {
    String key = entry.getKey();
    int split = key.indexOf('\n');
    String meeting = key.substring(split + 1);
    return new UserMetaState(key.substring(0, split), meeting.isEmpty() ? null : meeting,
        new LinkedHashMap<>(entry.getValue()));
  }
}
