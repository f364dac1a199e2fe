package io.livedigitalmock.server.ui;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantBackend;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.calls.Recording;
import io.livedigitalmock.server.domain.rooms.AccessLink;
import io.livedigitalmock.server.domain.rooms.Space;
import io.livedigitalmock.server.domain.webhooks.DeliveryFilter;
import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.journal.RequestFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One tenant: credentials, spaces and their webhooks, rooms with who is in them and their buttons
 * ({@link RoomsSection}), recordings, the links the mock "sent", the tenant's webhook deliveries, and
 * the requests its app sent ({@link RequestsSection}).
 */
final class TenantPage {

  private TenantPage() {
  }

  static String render(TenantRegistry registry, Tenant tenant, String notice) {
    TenantBackend b = tenant.backend();
    String body = nav(tenant) + "<h1>Tenant <code>" + Html.text(tenant.clientId()) + "</code></h1>" + notice(notice)
        + "<p>client secret <code>" + Html.text(tenant.spec().clientSecret()) + "</code> · user <code>"
        + Html.text(tenant.user().email()) + "</code> / <code>" + Html.text(tenant.spec().userPassword())
        + "</code> · clock " + Html.text(Views.time(b.clock().now())) + " · <a href=\"\">Refresh</a></p>"
        + "<h2>Spaces</h2>" + spaces(b)
        + "<h2>Rooms</h2>" + RoomsSection.render(b)
        + "<h2>Recordings</h2>" + recordings(b.recordings().all())
        + "<h2>Generated links</h2>" + links(b.links().all(), b.clock().now())
        + "<h2>Webhook deliveries</h2>"
        + DeliveriesSection.render(registry.deliveries().list(
            new DeliveryFilter(tenant.clientId(), null, null, null, null, null), 0))
        + "<h2>Requests</h2>"
        + RequestsSection.render(registry.server().requests().list(tenant.clientId(), RequestFilter.ANY, 0));
    return Html.document(tenant.clientId() + " · livedigital-mock dashboard", "", body);
  }

  static String nav(Tenant tenant) {
    return "<nav><a href=\"" + Dashboard.HOME + "\">All tenants</a>"
        + (tenant == null ? "" : "<a href=\"" + Html.text(Dashboard.tenantPath(tenant.clientId())) + "\">"
        + Html.text(tenant.clientId()) + "</a>") + "</nav>";
  }

  static String notice(String notice) {
    return notice == null || notice.isBlank() ? ""
        : "<p class=\"notice\" id=\"notice\">" + Html.text(notice) + "</p>";
  }

  private static String spaces(TenantBackend b) {
    List<List<String>> rows = new ArrayList<>();
    for (Space s : b.spaces().all()) {
      String hook = b.webhooks().find(s.id()).map(w -> Html.text(w.url()) + (w.isActive() ? "" : " (inactive)")
          + "<br><span class=\"muted\">secret</span> <code>" + Html.text(w.secret()) + "</code>")
          .orElse("<span class=\"muted\">none</span>");
      rows.add(List.of("<code>" + Html.text(s.id()) + "</code>", Html.text(s.name()),
          s.isPublic() ? "public" : "private", Html.text(s.plan().wire()), hook));
    }
    return rows.isEmpty() ? "<p class=\"muted\">None yet.</p>"
        : Html.table(List.of("id", "name", "", "plan", "webhook"), rows);
  }

  private static String recordings(List<Recording> recordings) {
    List<List<String>> rows = new ArrayList<>();
    for (Recording r : recordings) {
      rows.add(List.of("<code>" + Html.text(r.id()) + "</code>", "<code>" + Html.text(r.roomId()) + "</code>",
          "<code>" + Html.text(r.callId()) + "</code>", Html.text(r.state().wire()),
          Html.text(Views.time(r.startedAt())), Html.text(Views.time(r.finishedAt())), String.valueOf(r.fileSize())));
    }
    return rows.isEmpty() ? "<p class=\"muted\">None yet.</p>"
        : Html.table(List.of("id", "room", "call", "state", "started", "finished", "bytes"), rows);
  }

  private static String links(List<AccessLink> links, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    for (AccessLink l : links) {
      rows.add(List.of(Html.text(l.username()), Html.text(l.role().wire()), "<code>" + Html.text(l.alias()) + "</code>",
          Html.text(l.externalUserId()), l.permanent() ? "reusable" : "one-time", String.valueOf(l.opens()),
          l.isUsableAt(now) ? "<span class=\"ok\">yes</span>" : "<span class=\"bad\">no</span>",
          Html.text(Views.time(l.expiresAt())), Html.link(l.url(), "open")));
    }
    return rows.isEmpty() ? "<p class=\"muted\">None yet: <code>generate-access</code> makes them.</p>"
        : Html.table(List.of("for", "role", "room", "externalUserId", "", "admitted", "usable", "expires", "link"), rows);
  }
}
