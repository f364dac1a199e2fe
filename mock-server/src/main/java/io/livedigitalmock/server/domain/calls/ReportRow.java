package io.livedigitalmock.server.domain.calls;

import io.livedigitalmock.server.domain.rooms.ParticipantRole;
import java.time.Instant;
import java.util.Map;

/** One participant's line in a call report, with what storeExternalUserMeta said of them. */
public record ReportRow(String participantId, String name, String email, String phone, String externalUserId,
                        String externalMeetingId, ParticipantRole role, Instant joinedAt, Instant leftAt,
                        long secondsInCall, Map<String, Object> meta) {
}
