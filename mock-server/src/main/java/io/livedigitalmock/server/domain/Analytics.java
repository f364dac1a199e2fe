package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.calls.Call;
import io.livedigitalmock.server.domain.calls.CallReport;
import io.livedigitalmock.server.domain.calls.CallStats;
import io.livedigitalmock.server.domain.calls.Participant;
import io.livedigitalmock.server.domain.calls.ReportRow;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.common.Validate;
import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.domain.rooms.Room;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * analyticsCalls, getRoomAnalyticsReport and storeExternalUserMeta. Statistics are for moderators and
 * administrators, on plans with statistics only [guide FAQ]; a call has analytics once finished.
 */
public final class Analytics {

  private final TenantBackend backend;

  Analytics(TenantBackend backend) {
    this.backend = backend;
  }

  /** Finished calls of a room that started on {@code date} (UTC), with at least {@code minParticipants}. */
  public List<CallStats> calls(Caller caller, String spaceId, String roomId, LocalDate date,
                               Integer minParticipants) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Room room = statisticsRoom(userId, spaceId, roomId);
      Plan plan = s.spaces.get(spaceId).plan();
      return s.calls.values().stream()
          .filter(c -> c.roomId().equals(roomId) && !c.isActive())
          .filter(c -> c.startedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(date))
          .map(c -> new CallStats(c, plan, room.type(), c.participantIds().size(), unique(s, c)))
          .filter(c -> minParticipants == null || c.totalParticipants() >= minParticipants)
          .toList();
    }
  }

  public CallReport report(Caller caller, String spaceId, String roomId, String callId) {
    String userId = caller.requireUser();
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      Room room = statisticsRoom(userId, spaceId, roomId);
      Call call = s.calls.get(callId);
      if (call == null || !call.roomId().equals(roomId)) {
        throw ApiError.notFound("Call");
      }
      if (call.isActive()) {
        throw ApiError.conflict("The call is still going on; its report exists after call_finished");
      }
      List<String> ids = call.participantIds();
      Participant[] people = new Participant[ids.size()];
      @SuppressWarnings("unchecked")
      Map<String, Object>[] metas = new Map[ids.size()];
      for (int i = 0; i < people.length; i++) {
        Participant p = s.participants.get(ids.get(i));
        people[i] = p;
        metas[i] = p.externalUserId() == null ? Map.of()
            : s.externalUserMeta.getOrDefault(metaKey(p.externalUserId(), p.externalMeetingId()),
                s.externalUserMeta.getOrDefault(metaKey(p.externalUserId(), null), Map.of()));
      }
      List<ReportRow> rows = ReportRow.of(call, people, metas);
      return new CallReport(call, room, rows);
    }
  }

  /**
   * storeExternalUserMeta [docs]: free-form data about an integrator's user, shown in reports of calls
   * they attend. Keyed by externalUserId and, when given, externalMeetingId; a second store replaces.
   */
  public void storeExternalUserMeta(Caller caller, String spaceId, String externalUserId,
                                    String externalMeetingId, Map<String, Object> meta) {
    String userId = caller.requireUser();
    Validate.notBlank("externalUserId", externalUserId);
    Validate.optional("externalMeetingId", externalMeetingId);
    synchronized (backend.lock()) {
      TenantState s = backend.state();
      s.managedSpace(userId, spaceId);
      s.externalUserMeta.put(metaKey(externalUserId, externalMeetingId), new LinkedHashMap<>(meta));
    }
  }

  private Room statisticsRoom(String userId, String spaceId, String roomId) {
    TenantState s = backend.state();
    Room room = s.administeredRoom(userId, spaceId, roomId);
    Plan plan = s.spaces.get(spaceId).plan();
    if (!plan.hasStatistics()) {
      throw ApiError.forbidden("Statistics are not available on the " + plan.wire() + " plan");
    }
    return room;
  }

  /** People, not joins: a registered user or an external id counts once, others by name. */
  private static int unique(TenantState s, Call call) {
    Set<String> seen = new HashSet<>();
    for (String id : call.participantIds()) {
      Participant p = s.participants.get(id);
      seen.add(p.userId() != null ? "u:" + p.userId()
          : p.externalUserId() != null ? "x:" + p.externalUserId() : "n:" + p.name());
    }
    return seen.size();
  }

  static String metaKey(String externalUserId, String externalMeetingId) {
    return externalUserId + "\n" + Objects.toString(externalMeetingId, "");
  }
}
