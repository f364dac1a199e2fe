package io.livedigitalmock.server;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.common.StoredData;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.livedigitalmock.server.faults.FaultBook;
import io.livedigitalmock.server.http.FaultInjection;
import io.livedigitalmock.server.http.RequestJournaling;
import io.livedigitalmock.server.journal.RequestJournal;
import io.livedigitalmock.server.scenarios.Scenario;
import io.livedigitalmock.server.scenarios.ScenarioException;
import io.livedigitalmock.server.scenarios.ScenarioReader;
import io.livedigitalmock.server.scenarios.ShippedScenarios;
import io.livedigitalmock.server.webhooks.WebhookDispatcher;
import io.livedigitalmock.server.webhooks.WebhookFaults;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The wiring of scripted failures and the request journal, in one place: the rule book and the
 * journal (shared with every tenant through the server context), the fault gate on outgoing
 * webhooks, the handlers on the router, and the scenario loaded at start.
 */
public final class FaultsAndJournal {

  /** {@code --scenario}, {@code --journal-max-entries}, {@code --journal-max-bytes}. */
  public record Options(String scenario, int journalMaxEntries, long journalMaxBytes) {
  }

  private final FaultBook faults;
  private final RequestJournal requests;
  private final WebhookFaults webhooks;
  private final Scenario startScenario;

  /**
   * {@code journalTotalBytes}: all tenants' journals together ({@code --journal-total-bytes});
   * {@code data}: the stored-data budget the fault rules count against.
   *
   * @throws IllegalArgumentException when the start scenario cannot be read, naming line and field
   */
  FaultsAndJournal(Vertx vertx, Options options, long journalTotalBytes, StoredData data,
                   WebhookDispatcher dispatcher, DeliveryJournal deliveries, MockClock clock) {
    this.faults = new FaultBook(data);
    this.requests = new RequestJournal(options.journalMaxEntries(), options.journalMaxBytes(), journalTotalBytes);
    this.webhooks = new WebhookFaults(vertx, dispatcher, deliveries, faults,
        clock::now);
    this.startScenario = options.scenario().isBlank() ? null : readStartScenario(options.scenario());
  }

  private static Scenario readStartScenario(String reference) {
    try {
      return ScenarioReader.scenario(ShippedScenarios.read(reference));
    } catch (ScenarioException e) {
      throw new IllegalArgumentException("--scenario " + reference + ": " + String.join("; ", e.problems()));
    }
  }

  FaultBook faults() {
    return faults;
  }

  RequestJournal requests() {
    return requests;
  }

  WebhookFaults webhooks() {
    return webhooks;
  }

  /**
   * Once, before the servers listen: the webhook fault gate learns the tenants' clocks, and the
   * start scenario is armed: its tenant's (or the server's) rules from birth, again after each reset.
   */
  void start(TenantRegistry registry, String demoClientId) {
    webhooks.tenantClocks(clientId -> {
      try {
        return registry.byClientId(clientId).backend().clock().now();
      } catch (RuntimeException gone) {
        return registry.serverClock().now();
      }
    });
    if (startScenario != null) {
      String tenant = startScenario.tenant() == null ? demoClientId
          : startScenario.tenant().equals(Scenario.SERVER_WIDE) ? null : startScenario.tenant();
      faults.setBirthRules(tenant, startScenario.rules());
      faults.reset(tenant, registry.serverClock().now());
    }
  }

  /** What journals every request (watch each before its body is read, so a refused body is journaled too). */
  RequestJournaling journaling(TenantRegistry registry) {
    return new RequestJournaling(registry, requests);
  }

  /** Run first on every API operation: the fault rules. */
  List<Handler<RoutingContext>> beforeOperations(TenantRegistry registry) {
    return List.of(new FaultInjection(registry, faults));
  }

  /** Unmatched routes (404, 405) are marked for the journal, then answered as before. */
  void markUnknownRoutes(Router router) {
    router.errorHandler(404, RequestJournaling::unknownRoute);
    router.errorHandler(405, RequestJournaling::unknownRoute);
  }
}
