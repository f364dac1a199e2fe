package io.livedigitalmock.server.domain.calls;

import io.livedigitalmock.server.domain.rooms.Room;
import java.util.List;

/** getRoomAnalyticsReport: a finished call and one row per participant [guide FAQ; fields assumed]. */
public record CallReport(Call call, Room room, List<ReportRow> rows) {
}
