package io.livedigitalmock.server.ui;

import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.journal.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's request journal, newest first: what the integrator's app sent (secrets masked), which
 * operation it reached, the answer, and the fault rule that made it, if one did. The handle's own
 * requests are left out, as in its journal views.
 */
final class RequestsSection {

  static final int SHOWN = 100;

  private RequestsSection() {
  }

  static String render(List<RecordedRequest> requests) {
    List<RecordedRequest> fromApp = requests.stream().filter(r -> !r.fromHandle()).toList();
    if (fromApp.isEmpty()) {
      return "<p class=\"muted\">None yet: every request that names this tenant (its tokens, its client_id) is kept here.</p>";
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = fromApp.size() - 1; i >= 0 && rows.size() < SHOWN; i--) {
      RecordedRequest r = fromApp.get(i);
      String status = "<span class=\"" + (r.status() < 400 ? "ok" : "bad") + "\">" + r.status() + "</span>";
      rows.add(List.of(
          String.valueOf(r.seq()),
          Html.text(Views.time(r.at())),
          "<b>" + Html.text(r.method()) + "</b> <span class=\"wrap\">" + Html.text(r.path()) + "</span>",
          r.knownRoute() ? Html.text(r.operationId()) : "<span class=\"bad\">unknown route</span>",
          status + " <span class=\"muted\">" + r.durationMicros() / 1000 + " ms</span>",
          r.fault() == null ? "" : "<span class=\"bad\">" + Html.text(r.fault()) + "</span>",
          "<pre>" + Html.text(r.bodyText()) + (r.bodyTruncated() ? "…" : "") + "</pre>"));
    }
    String more = fromApp.size() > SHOWN ? "<p class=\"muted\">The latest " + SHOWN + " of " + fromApp.size()
        + " requests; all are at <code>/_mock/tenants/{clientId}/requests</code>.</p>" : "";
    return Html.table(List.of("#", "at", "request", "operation", "answer", "fault", "body"), rows) + more;
  }
}
