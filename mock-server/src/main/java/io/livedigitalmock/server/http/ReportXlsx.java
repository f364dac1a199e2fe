package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.calls.CallReport;
import io.livedigitalmock.server.domain.calls.ReportRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A call report as a real XLSX workbook (fastexcel): one sheet, a header row, one row per participant;
 * each key stored with storeExternalUserMeta becomes a {@code meta.<key>} column.
 *
 * <p>A call may hold most of the stored data, so what writing it holds beside the report is bounded:
 * rows go into the workbook {@value #ROWS_HELD} at a time, and text is written in its cell (an inline
 * string) rather than into the workbook's table of shared strings, which keeps every distinct string
 * until the end (four reports of a 90,000-person call at once ran a 128 MB heap out of memory).
 */
final class ReportXlsx {

  private static final int ROWS_HELD = 1_000;

  static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final List<String> COLUMNS = List.of("Name", "Email", "Phone", "External user id",
      "External meeting id", "Role", "Joined at", "Left at", "Time in call (s)");

  private ReportXlsx() {
  }

  static byte[] write(CallReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(report, out);
    return out.toByteArray();
  }

  /** Writes the workbook to {@code out} as it is made (not closing it). */
  static void write(CallReport report, OutputStream out) {
    Set<String> metaKeys = new LinkedHashSet<>();
    report.rows().forEach(r -> metaKeys.addAll(r.meta().keySet()));
    try {
      Workbook workbook = new Workbook(out, "livedigital-mock", "1.0");
      Worksheet sheet = workbook.newWorksheet("Participants");
      int col = 0;
      for (String name : COLUMNS) {
        text(sheet, 0, col++, name);
      }
      for (String key : metaKeys) {
        text(sheet, 0, col++, "meta." + key);
      }
      sheet.style(0, 0).bold().set();
      int rowIndex = 1;
      for (ReportRow r : report.rows()) {
        int c = 0;
        text(sheet, rowIndex, c++, r.name());
        text(sheet, rowIndex, c++, r.email());
        text(sheet, rowIndex, c++, r.phone());
        text(sheet, rowIndex, c++, r.externalUserId());
        text(sheet, rowIndex, c++, r.externalMeetingId());
        text(sheet, rowIndex, c++, r.role().wire());
        text(sheet, rowIndex, c++, Views.time(r.joinedAt()));
        text(sheet, rowIndex, c++, Views.time(r.leftAt()));
        sheet.value(rowIndex, c++, r.secondsInCall());
        for (String key : metaKeys) {
          Object v = r.meta().get(key);
          if (v instanceof Number n) {
            sheet.value(rowIndex, c, n);
          } else if (v instanceof Boolean b) {
            sheet.value(rowIndex, c, b);
          } else if (v != null) {
            text(sheet, rowIndex, c, String.valueOf(v));
          }
          c++;
        }
        rowIndex++;
        if (rowIndex % ROWS_HELD == 0) {
          sheet.flush();
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(Worksheet sheet, int row, int column, String value) {
    if (value != null) {
      sheet.inlineString(row, column, value);
    }
  }
}
