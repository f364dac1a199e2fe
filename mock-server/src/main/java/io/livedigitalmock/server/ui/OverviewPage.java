package io.livedigitalmock.server.ui;

import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.webhooks.DeliveryFilter;
import io.livedigitalmock.server.http.Views;
import java.util.ArrayList;
import java.util.List;

/** {@code /_mock/ui}: the server clock, every tenant, and the latest webhook deliveries of all. */
final class OverviewPage {

  private OverviewPage() {
  }

  static String render(TenantRegistry registry, String notice) {
    List<List<String>> rows = new ArrayList<>();
    for (Tenant t : registry.all()) {
      var b = t.backend();
      rows.add(List.of(
          "<a href=\"" + Html.text(Dashboard.tenantPath(t.clientId())) + "\">" + Html.text(t.clientId()) + "</a>",
          Html.text(t.user().email()),
          Html.text(t.spec().plan().wire()),
          String.valueOf(b.spaces().all().size()),
          String.valueOf(b.rooms().all().size()),
          String.valueOf(b.rooms().all().stream().filter(r -> b.participants().activeCall(r.id()) != null).count()),
          String.valueOf(b.links().all().size()),
          Html.text(Views.time(b.clock().now()))));
    }
    String body = TenantPage.nav(null) + "<h1>livedigital-mock</h1>" + TenantPage.notice(notice)
        + "<p class=\"muted\">Server clock " + Html.text(Views.time(registry.serverClock().now()))
        + " · the control plane's JSON: <a href=\"/_mock/tenants\">/_mock/tenants</a>,"
        + " <a href=\"/_mock/webhooks/deliveries\">/_mock/webhooks/deliveries</a></p>"
        + "<h2>Tenants</h2>"
        + Html.table(List.of("client id", "user", "plan", "spaces", "rooms", "calls now", "links", "clock"), rows)
        + "<h2>Latest webhook deliveries</h2>"
        + DeliveriesSection.render(registry.deliveries().list(DeliveryFilter.ANY, 0));
    return Html.document("livedigital-mock dashboard", "", body);
  }
}
