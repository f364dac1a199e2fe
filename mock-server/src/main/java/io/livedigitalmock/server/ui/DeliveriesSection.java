package io.livedigitalmock.server.ui;

import io.livedigitalmock.server.domain.webhooks.DeliveryAttempt;
import io.livedigitalmock.server.http.Views;
import java.util.ArrayList;
import java.util.List;

/** Webhook delivery attempts, newest first: what was sent (payload, signature), to where, and how it went. */
final class DeliveriesSection {

  static final int SHOWN = 100;

  private DeliveriesSection() {
  }

  static String render(List<DeliveryAttempt> attempts) {
    if (attempts.isEmpty()) {
      return "<p class=\"muted\">None yet: a space with a webhook (on a plan with webhooks) gets one per event.</p>";
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = attempts.size() - 1; i >= 0 && rows.size() < SHOWN; i--) {
      DeliveryAttempt a = attempts.get(i);
      String outcome = "<span class=\"" + (DeliveryAttempt.DELIVERED.equals(a.outcome()) ? "ok" : "bad") + "\">"
          + Html.text(a.outcome()) + "</span>";
      rows.add(List.of(
          String.valueOf(a.seq()),
          Html.text(Views.time(a.at())),
          "<b>" + Html.text(a.eventName()) + "</b>",
          "<code>" + Html.text(a.roomId()) + "</code>",
          "<span class=\"wrap\">" + Html.text(a.url()) + "</span>"
              + (a.sentTo() == null ? "" : "<br><span class=\"muted wrap\">sent to " + Html.text(a.sentTo()) + "</span>"),
          a.attempt() + " of 3",
          a.status() != null ? String.valueOf(a.status()) : Html.text(a.error()),
          outcome + " <span class=\"muted\">" + a.durationMillis() + " ms</span>",
          "<code class=\"wrap\">" + Html.text(a.signature()) + "</code>",
          "<pre>" + Html.text(a.requestBody()) + "</pre>"));
    }
    String more = attempts.size() > SHOWN ? "<p class=\"muted\">The latest " + SHOWN + " of " + attempts.size()
        + " attempts; all are at <code>/_mock/webhooks/deliveries</code>.</p>" : "";
    return Html.table(List.of("#", "at", "event", "room", "to", "attempt", "answer", "outcome", "signature",
        "sent"), rows) + more;
  }
}
