package io.livedigitalmock.server.domain.state;

import io.livedigitalmock.server.domain.calls.RecordingState;
import io.livedigitalmock.server.domain.common.IdSource;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.common.WireName;
import io.livedigitalmock.server.domain.rooms.LinkRole;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.domain.rooms.RoomFlag;
import io.livedigitalmock.server.domain.rooms.RoomRole;
import io.livedigitalmock.server.domain.rooms.SpaceRole;
import io.livedigitalmock.server.domain.state.TenantSnapshot.CallState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.RecordState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.RoomState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.SpaceState;
import io.livedigitalmock.server.domain.state.TenantSnapshot.UserState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a snapshot can be restored as it is, checked before anything changes: every required value
 * there, ids unique, names the API knows, and what refers to something finding it (a room's space, a
 * link's room, a webhook's space, the tenant's own user), and every value the mock's own code takes
 * for granted because the API always sets it (a link's guest, a record's call). Each problem names where it is:
 * {@code tenants[2].rooms[0].spaceId: no space 5f1... in this tenant}. Participants, calls and records
 * may name a room deleted since, as they do in a running mock.
 */
public final class SnapshotCheck {

  /** Enough to see what is wrong, few enough to read. */
  static final int MAX_PROBLEMS = 20;
  /**
   * Draws of one id source a state may claim: far more than any mock makes (a tenant with a million
   * rooms draws ~30 million), few enough that resuming it (replaying the draws) takes under a second.
   */
  static final long MAX_DRAWS = 200_000_000L;
  /** Token ids are 52-bit: the counter must not wrap. */
  static final long MAX_TOKEN_IDS = 1L << 52;
  /** Clocks may run at most to the mock's end of time, 9999-12-31. */
  static final long MAX_OFFSET_MILLIS = MockClock.LATEST.toEpochMilli();

  private long draws;

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

  private final List<String> problems = new ArrayList<>();

  private SnapshotCheck() {
  }

  /** The problems of {@code snapshot}; empty when it can be restored. */
  public static List<String> problems(StateSnapshot snapshot) {
    SnapshotCheck check = new SnapshotCheck();
    check.state(snapshot);
    return check.problems.size() > MAX_PROBLEMS
        ? List.copyOf(check.problems.subList(0, MAX_PROBLEMS)) : List.copyOf(check.problems);
  }

  /** @throws InvalidSnapshot listing the problems, if there are any */
  public static void require(StateSnapshot snapshot) {
    List<String> found = problems(snapshot);
    if (!found.isEmpty()) {
      throw new InvalidSnapshot(found);
    }
  }

  private void state(StateSnapshot s) {
    if (s.server() == null) {
      problem("server", "missing");
    } else {
      StateSnapshot.ServerState server = s.server();
      offset("server.clockOffsetMillis", server.clockOffsetMillis());
      if (server.tokenIdsIssued() < 0 || server.tokenIdsIssued() >= MAX_TOKEN_IDS) {
        problem("server.tokenIdsIssued", "must be between 0 and 2^52");
      }
      position("server.generatedIds", server.generatedIds());
    }
    if (s.tenants() == null) {
      problem("tenants", "missing");
      return;
    }
    Set<String> clientIds = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < s.tenants().size() && problems.size() <= MAX_PROBLEMS; i++) {
      String at = "tenants[" + i + "]";
      TenantSnapshot t = s.tenants().get(i);
      if (t == null) {
        problem(at, "missing");
        continue;
      }
      if (required(at + ".clientId", t.clientId()) && !clientIds.add(t.clientId())) {
        problem(at + ".clientId", "a second tenant " + t.clientId());
      }
      if (t.clientObjectId() == null || !t.clientObjectId().matches("[0-9a-f]{24}")) {
        problem(at + ".clientObjectId", "must be 24 hex chars");
      } else if (!prefixes.add(IdSource.prefixOf(t.clientObjectId()))) {
        problem(at + ".clientObjectId", "its first " + IdSource.PREFIX_LENGTH + " chars are another tenant's");
      }
      tenant(at, t);
    }
  }

  private void tenant(String at, TenantSnapshot t) {
    required(at + ".clientSecret", t.clientSecret());
    required(at + ".userEmail", t.userEmail());
    required(at + ".userPassword", t.userPassword());
    required(at + ".userName", t.userName());
    wire(at + ".plan", Plan.class, t.plan());
    if (t.builtIn() != null && !t.builtIn().equals(TenantSnapshot.SDK_EXAMPLE_APPS)) {
      problem(at + ".builtIn", "must be null or " + TenantSnapshot.SDK_EXAMPLE_APPS);
    }
    offset(at + ".clockOffsetMillis", t.clockOffsetMillis());
    position(at + ".dataIds", t.dataIds());
    position(at + ".eventIds", t.eventIds());
    for (String list : new String[] {"users", "spaces", "rooms", "invites", "links", "personalTokens", "participants",
        "calls", "records", "webhooks", "externalUserMeta"}) {
      if (list(t, list) == null) {
        problem(at + "." + list, "missing (an empty list if there are none)");
        return;
      }
    }
    Set<String> users = unique(at + ".users", t.users(), UserState::id);
    Set<String> emails = new HashSet<>();
    each(at + ".users", t.users(), (p, u) -> {
      if (required(p + ".email", u.email()) && !emails.add(u.email().trim().toLowerCase(Locale.ROOT))) {
        problem(p + ".email", "a second user with " + u.email());
      }
      required(p + ".password", u.password());
      required(p + ".username", u.username());
      required(p + ".signature", u.signature());
      present(p + ".createdAt", u.createdAt());
    });
    if (t.userId() == null || !users.contains(t.userId())) {
      problem(at + ".userId", "no such user in this tenant");
    }
    Set<String> spaces = unique(at + ".spaces", t.spaces(), SpaceState::id);
    each(at + ".spaces", t.spaces(), (p, s) -> {
      required(p + ".name", s.name());
      required(p + ".ownerId", s.ownerId());
      wire(p + ".plan", Plan.class, s.plan());
      present(p + ".createdAt", s.createdAt());
      values(p + ".members", s.members(), SpaceRole.class);
    });
    Set<String> rooms = unique(at + ".rooms", t.rooms(), RoomState::id);
    Set<String> aliases = new HashSet<>();
    Set<String> flags = new HashSet<>();
    Arrays.stream(RoomFlag.values()).forEach(f -> flags.add(f.field()));
    each(at + ".rooms", t.rooms(), (p, r) -> {
      if (required(p + ".alias", r.alias()) && !aliases.add(r.alias())) {
        problem(p + ".alias", "a second room with alias " + r.alias());
      }
      refers(p + ".spaceId", r.spaceId(), spaces, "space");
      required(p + ".creatorId", r.creatorId());
      required(p + ".name", r.name());
      required(p + ".type", r.type());
      present(p + ".createdAt", r.createdAt());
      time(p + ".lastCallAt", r.lastCallAt());
      if (r.flags() == null) {
        problem(p + ".flags", "missing");
      } else {
        r.flags().forEach((name, value) -> {
          if (!flags.contains(name) || value == null) {
            problem(p + ".flags." + name, "not a room flag with a value (" + String.join(", ", flags) + ")");
          }
        });
      }
      values(p + ".roles", r.roles(), RoomRole.class);
    });
    unique(at + ".invites", t.invites(), TenantSnapshot.InviteState::id);
    each(at + ".invites", t.invites(), (p, i) -> {
      refers(p + ".spaceId", i.spaceId(), spaces, "space");
      wire(p + ".role", SpaceRole.class, i.role());
      present(p + ".createdAt", i.createdAt());
      time(p + ".activatedAt", i.activatedAt());
    });
    unique(at + ".links", t.links(), TenantSnapshot.LinkState::id);
    Set<String> tokenIds = new HashSet<>();
    each(at + ".links", t.links(), (p, l) -> {
      refers(p + ".spaceId", l.spaceId(), spaces, "space");
      refers(p + ".roomId", l.roomId(), rooms, "room");
      required(p + ".alias", l.alias());
      required(p + ".username", l.username());
      wire(p + ".role", LinkRole.class, l.role());
      required(p + ".guestId", l.guestId());
      if (required(p + ".tokenId", l.tokenId()) && !tokenIds.add(l.tokenId())) {
        problem(p + ".tokenId", "a second token with id " + l.tokenId());
      }
      required(p + ".accessToken", l.accessToken());
      required(p + ".url", l.url());
      required(p + ".createdBy", l.createdBy());
      present(p + ".createdAt", l.createdAt());
      present(p + ".expiresAt", l.expiresAt());
      time(p + ".firstOpenedAt", l.firstOpenedAt());
    });
    unique(at + ".personalTokens", t.personalTokens(), TenantSnapshot.PersonalTokenState::id);
    each(at + ".personalTokens", t.personalTokens(), (p, pt) -> {
      refers(p + ".userId", pt.userId(), users, "user");
      if (required(p + ".tokenId", pt.tokenId()) && !tokenIds.add(pt.tokenId())) {
        problem(p + ".tokenId", "a second token with id " + pt.tokenId());
      }
      required(p + ".token", pt.token());
      present(p + ".createdAt", pt.createdAt());
      time(p + ".revokedAt", pt.revokedAt());
    });
    Set<String> calls = unique(at + ".calls", t.calls(), CallState::id);
    Set<String> participants = unique(at + ".participants", t.participants(), TenantSnapshot.ParticipantState::id);
    each(at + ".participants", t.participants(), (p, pa) -> {
      required(p + ".spaceId", pa.spaceId());
      required(p + ".roomId", pa.roomId());
      required(p + ".role", pa.role());
      present(p + ".createdAt", pa.createdAt());
      time(p + ".joinedAt", pa.joinedAt());
      time(p + ".leftAt", pa.leftAt());
      if (pa.callId() != null) {
        refers(p + ".callId", pa.callId(), calls, "call");
      }
    });
    Set<String> activeRooms = new HashSet<>();
    each(at + ".calls", t.calls(), (p, c) -> {
      required(p + ".spaceId", c.spaceId());
      required(p + ".roomId", c.roomId());
      present(p + ".startedAt", c.startedAt());
      time(p + ".finishedAt", c.finishedAt());
      if (c.participantIds() == null) {
        problem(p + ".participantIds", "missing");
      } else {
        c.participantIds().forEach(id -> refers(p + ".participantIds", id, participants, "participant"));
      }
      if (c.finishedAt() == null && c.roomId() != null && !activeRooms.add(c.roomId())) {
        problem(p, "a second call going on in room " + c.roomId());
      }
    });
    unique(at + ".records", t.records(), RecordState::id);
    Set<String> recordingRooms = new HashSet<>();
    each(at + ".records", t.records(), (p, r) -> {
      required(p + ".spaceId", r.spaceId());
      required(p + ".roomId", r.roomId());
      required(p + ".callId", r.callId());
      required(p + ".name", r.name());
      wire(p + ".state", RecordingState.class, r.state());
      present(p + ".createdAt", r.createdAt());
      time(p + ".startedAt", r.startedAt());
      time(p + ".finishedAt", r.finishedAt());
      if (RecordingState.STARTED.wire().equals(r.state()) && r.roomId() != null && !recordingRooms.add(r.roomId())) {
        problem(p, "a second recording going on in room " + r.roomId());
      }
    });
    Set<String> hooked = new HashSet<>();
    each(at + ".webhooks", t.webhooks(), (p, w) -> {
      if (refers(p + ".spaceId", w.spaceId(), spaces, "space") && !hooked.add(w.spaceId())) {
        problem(p + ".spaceId", "a second webhook for space " + w.spaceId());
      }
      required(p + ".url", w.url());
      required(p + ".secret", w.secret());
      present(p + ".createdAt", w.createdAt());
    });
    each(at + ".externalUserMeta", t.externalUserMeta(), (p, m) -> {
      required(p + ".externalUserId", m.externalUserId());
      if (m.meta() == null) {
        problem(p + ".meta", "missing");
      }
    });
  }

  private static List<?> list(TenantSnapshot t, String name) {
    return switch (name) {
      case "users" -> t.users();
      case "spaces" -> t.spaces();
      case "rooms" -> t.rooms();
      case "invites" -> t.invites();
      case "links" -> t.links();
      case "personalTokens" -> t.personalTokens();
      case "participants" -> t.participants();
      case "calls" -> t.calls();
      case "records" -> t.records();
      case "webhooks" -> t.webhooks();
      default -> t.externalUserMeta();
    };
  }

  private <T> void each(String at, List<T> items, java.util.function.BiConsumer<String, T> check) {
    for (int i = 0; i < items.size() && problems.size() <= MAX_PROBLEMS; i++) {
      T item = items.get(i);
      if (item == null) {
        problem(at + "[" + i + "]", "missing");
      } else {
        check.accept(at + "[" + i + "]", item);
      }
    }
  }

  /** The ids of {@code items}, each checked present and unique. */
  private <T> Set<String> unique(String at, List<T> items, Function<T, String> id) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (item == null) {
        continue;   // reported by each()
      }
      String value = id.apply(item);
      if (required(at + "[" + i + "].id", value) && !ids.add(value)) {
        problem(at + "[" + i + "].id", "a second one with id " + value);
      }
    }
    return ids;
  }

  private boolean refers(String at, String id, Set<String> known, String what) {
    if (!required(at, id)) {
      return false;
    }
    if (!known.contains(id)) {
      problem(at, "no " + what + " " + id + " in this tenant");
      return false;
    }
    return true;
  }

  private <E extends Enum<E> & WireName> void values(String at, Map<String, String> map, Class<E> type) {
    if (map == null) {
      problem(at, "missing");
      return;
    }
    map.forEach((key, value) -> wire(at + "." + key, type, value));
  }

  private <E extends Enum<E> & WireName> void wire(String at, Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(value)) {
        return;
      }
    }
    problem(at, (value == null ? "missing" : "unknown value " + value) + " (one of "
        + String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireName::wire).toList()) + ")");
  }

  private void position(String at, IdPosition position) {
    if (position == null) {
      problem(at, "missing");
    } else if (position.draws() < 0 || position.draws() > MAX_DRAWS) {
      problem(at + ".draws", "must be between 0 and " + MAX_DRAWS);
    } else if ((draws += position.draws()) > 5 * MAX_DRAWS) {
      problem(at + ".draws", "the id sources of this state claim more than " + 5 * MAX_DRAWS + " draws in all");
    }
  }

  private void offset(String at, long millis) {
    if (millis < 0 || millis > MAX_OFFSET_MILLIS) {
      problem(at, "must be between 0 and " + MAX_OFFSET_MILLIS + " (milliseconds ahead of real time)");
    }
  }

  private boolean required(String at, String value) {
    if (value == null || value.isBlank()) {
      problem(at, "missing");
      return false;
    }
    return true;
  }

  private void present(String at, Object value) {
    if (value == null) {
      problem(at, "missing");
    } else if (value instanceof Instant time) {
      time(at, time);
    }
  }

  /** A time within what the mock's clock can show (years 0 to 9999). */
  private void time(String at, Instant time) {
    if (time != null && (time.isBefore(EARLIEST) || time.isAfter(MockClock.LATEST))) {
      problem(at, "must be between year 0 and " + MockClock.LATEST);
    }
  }

  private void problem(String at, String what) {
    problems.add(at + ": " + what);
  }
}
