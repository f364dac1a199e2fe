package io.livedigitalmock.server.domain;

import java.util.List;

/** getRoomAnalyticsReport: a finished call and one row per participant [guide FAQ; fields assumed]. */
public record CallReport(Call call, Room room, List<ReportRow> rows) {
}
