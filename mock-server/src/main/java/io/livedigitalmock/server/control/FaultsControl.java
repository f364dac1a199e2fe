package io.livedigitalmock.server.control;

import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.faults.ArmedRule;
import io.livedigitalmock.server.faults.FaultBook;
import io.livedigitalmock.server.faults.FaultRule;
import io.livedigitalmock.server.faults.Trigger;
import io.livedigitalmock.server.http.Responses;
import io.livedigitalmock.server.http.Views;
import io.livedigitalmock.server.scenarios.Scenario;
import io.livedigitalmock.server.scenarios.ScenarioException;
import io.livedigitalmock.server.scenarios.ScenarioReader;
import io.livedigitalmock.server.scenarios.ShippedScenarios;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * Fault rules and scenarios: a tenant's under {@code /tenants/{clientId}/faults} and
 * {@code .../scenario}, server-wide ones (every tenant, and requests of no known tenant) under
 * {@code /faults} and {@code /scenario}; the shipped scenarios under {@code /scenarios}. Rules and
 * scenarios come as YAML or JSON; a bad one is a 400 listing each problem with its line and field,
 * and loads nothing.
 */
final class FaultsControl {

  private final TenantRegistry registry;

  FaultsControl(TenantRegistry registry) {
    this.registry = registry;
  }

  private FaultBook faults() {
    return registry.server().faults();
  }

  void mount(Router r) {
    for (String prefix : new String[] {"/tenants/:clientId", ""}) {
      r.post(prefix + "/faults").handler(ctx -> refusingBadInput(ctx, () -> add(ctx, rules(ctx))));
      r.get(prefix + "/faults").handler(ctx -> Responses.ok(ctx, page(ctx, faults().rules(scope(ctx)))));
      r.delete(prefix + "/faults").handler(ctx -> {
        faults().clear(scope(ctx));
        Responses.ok(ctx, page(ctx, List.of()));
      });
      r.delete(prefix + "/faults/:ruleId").handler(ctx -> {
        if (!faults().remove(scope(ctx), ctx.pathParam("ruleId"))) {
          throw ApiError.notFound("Fault rule");
        }
        Responses.okEmpty(ctx);
      });
      r.post(prefix + "/scenario").handler(ctx -> refusingBadInput(ctx, () -> loadScenario(ctx)));
    }
    r.get("/scenarios").handler(ctx -> {
      JsonArray items = new JsonArray();
      for (String name : ShippedScenarios.NAMES) {
        Scenario s = read(ShippedScenarios.text(name).orElseThrow());
        items.add(new JsonObject().put("name", name).put("description", s.description())
            .put("rules", s.rules().size()));
      }
      Responses.ok(ctx, new JsonObject().put("items", items).put("total", items.size()));
    });
    r.get("/scenarios/:name").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml")
        .end(ShippedScenarios.text(ctx.pathParam("name")).orElseThrow(() -> ApiError.notFound("Scenario"))));
  }

  /** The tenant's client id (404 if there is none), or null on the server-wide routes. */
  private String scope(RoutingContext ctx) {
    String clientId = ctx.pathParam("clientId");
    return clientId == null ? null : registry.byClientId(clientId).clientId();
  }

  private Instant now(String clientId) {
    return clientId == null ? registry.serverClock().now() : registry.byClientId(clientId).backend().clock().now();
  }

  private List<FaultRule> rules(RoutingContext ctx) {
    return ScenarioReader.rules(text(ctx));
  }

  /** Body: a scenario (YAML or JSON); or {@code ?name=} a shipped one, with no body. */
  private void loadScenario(RoutingContext ctx) {
    String name = ctx.queryParams().get("name");
    String text = name == null ? text(ctx)
        : ShippedScenarios.text(name).orElseThrow(() -> ApiError.badRequest("no shipped scenario " + name
            + "; one of " + ShippedScenarios.NAMES));
    Scenario scenario = read(text);
    String clientId = scope(ctx);
    List<ArmedRule> armed = faults().add(clientId, scenario.rules(), now(clientId));
    Responses.created(ctx, page(ctx, armed).put("name", scenario.name()));
  }

  private void add(RoutingContext ctx, List<FaultRule> rules) {
    String clientId = scope(ctx);
    Responses.created(ctx, page(ctx, faults().add(clientId, rules, now(clientId))));
  }

  private static Scenario read(String text) {
    return ScenarioReader.scenario(text);
  }

  private static String text(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw ApiError.badRequest("the body must hold a rule or a scenario, in YAML or JSON");
    }
    return text;
  }

  private JsonObject page(RoutingContext ctx, List<ArmedRule> rules) {
    String clientId = ctx.pathParam("clientId");
    Instant now = now(clientId == null ? null : scope(ctx));
    JsonArray items = new JsonArray();
    rules.forEach(rule -> items.add(view(rule, clientId, now)));
    return new JsonObject().put("items", items).put("total", items.size());
  }

  static JsonObject view(ArmedRule armed, String clientId, Instant now) {
    FaultRule r = armed.rule();
    Trigger t = r.trigger();
    JsonObject when = new JsonObject();
    putIfSet(when, "fromMs", t.from() == null ? null : t.from().toMillis());
    putIfSet(when, "forMs", t.length() == null ? null : t.length().toMillis());
    putIfSet(when, "times", t.times());
    putIfSet(when, "nth", t.nth());
    putIfSet(when, "every", t.every());
    putIfSet(when, "afterSuccesses", t.afterSuccesses());
    putIfSet(when, "probability", t.probability());
    if (t.probability() != null) {
      when.put("seed", t.seed());
    }
    JsonObject match = new JsonObject();
    putIfSet(match, "body", r.match().body() == null ? null : r.match().body().pattern());
    if (!r.match().headers().isEmpty()) {
      JsonObject headers = new JsonObject();
      r.match().headers().forEach((k, v) -> headers.put(k, v.pattern()));
      match.put("headers", headers);
    }
    if (!r.match().events().isEmpty()) {
      match.put("event", new JsonArray(List.copyOf(r.match().events())));
    }
    return new JsonObject()
        .put("id", armed.id())
        .put("name", r.name())
        .put("clientId", clientId)
        .put("on", r.target().toString())
        .put("match", match)
        .put("when", when)
        .put("effect", r.effect().describe())
        .put("status", r.effect().status() == 0 ? null : r.effect().status())
        .put("loadedAt", Views.time(armed.loadedAt()))
        .put("inWindow", armed.inWindow(now))
        .put("matched", armed.matched())
        .put("fired", armed.fired());
  }

  private static void putIfSet(JsonObject o, String key, Object value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  /** A bad rule or scenario: 400 with every problem found, each naming its line and field. */
  private static void refusingBadInput(RoutingContext ctx, Runnable action) {
    try {
      action.run();
    } catch (ScenarioException e) {
      Responses.json(ctx, 400, Responses.errorBody(400, "Bad Request", e.getMessage())
          .put("problems", new JsonArray(e.problems())));
    }
  }
}
