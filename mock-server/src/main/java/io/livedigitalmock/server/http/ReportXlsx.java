package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.calls.CallReport;
import io.livedigitalmock.server.domain.calls.ReportRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A call report as a real XLSX workbook (fastexcel): one sheet, a header row, one row per participant;
 * each key stored with storeExternalUserMeta becomes a {@code meta.<key>} column.
 */
final class ReportXlsx {

  static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final List<String> COLUMNS = List.of("Name", "Email", "Phone", "External user id",
      "External meeting id", "Role", "Joined at", "Left at", "Time in call (s)");

  private ReportXlsx() {
  }

  static byte[] write(CallReport report) {
    Set<String> metaKeys = new LinkedHashSet<>();
    report.rows().forEach(r -> metaKeys.addAll(r.meta().keySet()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "livedigital-mock", "1.0");
      Worksheet sheet = workbook.newWorksheet("Participants");
      int col = 0;
      for (String name : COLUMNS) {
        sheet.value(0, col++, name);
      }
      for (String key : metaKeys) {
        sheet.value(0, col++, "meta." + key);
      }
      sheet.style(0, 0).bold().set();
      int rowIndex = 1;
      for (ReportRow r : report.rows()) {
        int c = 0;
        sheet.value(rowIndex, c++, r.name());
        sheet.value(rowIndex, c++, r.email());
        sheet.value(rowIndex, c++, r.phone());
        sheet.value(rowIndex, c++, r.externalUserId());
        sheet.value(rowIndex, c++, r.externalMeetingId());
        sheet.value(rowIndex, c++, r.role().wire());
        sheet.value(rowIndex, c++, Views.time(r.joinedAt()));
        sheet.value(rowIndex, c++, Views.time(r.leftAt()));
        sheet.value(rowIndex, c++, r.secondsInCall());
        for (String key : metaKeys) {
          Object v = r.meta().get(key);
          if (v instanceof Number n) {
            sheet.value(rowIndex, c, n);
          } else if (v instanceof Boolean b) {
            sheet.value(rowIndex, c, b);
          } else if (v != null) {
            sheet.value(rowIndex, c, String.valueOf(v));
          }
          c++;
        }
        rowIndex++;
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
