package io.livedigitalmock.server.domain.calls;

import io.livedigitalmock.server.domain.common.ListMadeOnRead;
import io.livedigitalmock.server.domain.rooms.ParticipantRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One participant's line in a call report, with what storeExternalUserMeta said of them. */
public record ReportRow(String participantId, String name, String email, String phone, String externalUserId,
                        String externalMeetingId, ParticipantRole role, Instant joinedAt, Instant leftAt,
                        long secondsInCall, Map<String, Object> meta) {

  /** {@code p}'s line in the report of {@code call} (finished), with {@code meta} for them. */
  public static ReportRow of(Call call, Participant p, Map<String, Object> meta) {
    long seconds = Duration.between(p.joinedAt(), p.leftAt() != null ? p.leftAt() : call.finishedAt()).toSeconds();
    return new ReportRow(p.id(), p.name(), p.email(), p.phone(), p.externalUserId(), p.externalMeetingId(),
        p.role(), p.joinedAt(), p.leftAt(), seconds, meta);
  }

  /**
   * The lines of {@code people} (with {@code metas}, one each), each made as it is read. A call may
   * hold most of the stored data: a report holds two references a line, not a line (sixteen reports of
   * a 90,000-person call at once ran a 128 MB heap out of memory when they held lines).
   */
  public static List<ReportRow> of(Call call, Participant[] people, Map<String, Object>[] metas) {
    if (people.length != metas.length) {
      throw new IllegalArgumentException("one meta a participant");
    }
    return ListMadeOnRead.of(people.length, i -> of(call, people[i], metas[i]));
  }
}
