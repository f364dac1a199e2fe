package io.livedigitalmock.server.domain.calls;

import io.livedigitalmock.server.domain.rooms.Plan;
import io.livedigitalmock.server.domain.rooms.RoomType;

/** A call as analyticsCalls reports it [guide]: counts and the plan and room type at report time. */
public record CallStats(Call call, Plan plan, RoomType roomType, int totalParticipants, int uniqueParticipants) {
}
