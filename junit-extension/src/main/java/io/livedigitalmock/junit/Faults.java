package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Scripted failures of this tenant (other tenants, and so tests running in parallel, never see
 * them): rules written fluently with {@link #on}, {@link #onWebhooks}, {@link #onRecordings}, or
 * scenarios loaded with {@link #load}. The extension clears them before each test (and loads
 * {@link LivedigitalMock#scenario()} again). Requests the handle makes itself are never faulted.
 */
public final class Faults {

  private final Livedigital mock;

  Faults(Livedigital mock) {
    this.mock = mock;
  }

  /** A rule on an operation: its operationId ({@code createRoom}), {@code "POST /v1/spaces/{spaceId}/rooms"}, or {@code "*"}. */
  public FaultRuleBuilder on(String operation) {
    return new FaultRuleBuilder(this, operation);
  }

  /** A rule on the tenant's webhook deliveries. */
  public FaultRuleBuilder onWebhooks() {
    return new FaultRuleBuilder(this, "webhooks");
  }

  /** A rule on the recordings the tenant starts (API, auto-recording or control plane). */
  public FaultRuleBuilder onRecordings() {
    return new FaultRuleBuilder(this, "recordings");
  }

  /**
   * Loads a scenario (YAML or JSON): a classpath resource ({@code scenarios/school-outage.yaml}), or a
   * shipped one by name ({@code token-endpoint-outage}). Its windows start now, in the tenant's mock time.
   *
   * @throws LivedigitalMockException (400) naming the line and field of each problem; nothing is loaded then
   */
  public List<FaultRule> load(String scenario) {
    String text = read(scenario, Thread.currentThread().getContextClassLoader());
    JsonNode page = text != null ? mock.http().postText(mock.tenantPath() + "/scenario", text)
        : mock.http().post(mock.tenantPath() + "/scenario" + Paths.query(java.util.Map.of("name", scenario)), null,
            null);
    return rules(page);
  }

  /** Loads a scenario given as text (YAML or JSON). */
  public List<FaultRule> loadText(String yamlOrJson) {
    return rules(mock.http().postText(mock.tenantPath() + "/scenario", yamlOrJson));
  }

  /** The tenant's rules, with how often each matched and fired. */
  public List<FaultRule> list() {
    return rules(mock.http().get(mock.tenantPath() + "/faults", null));
  }

  public void remove(String ruleId) {
    mock.http().delete(mock.tenantPath() + "/faults/" + Paths.segment(ruleId), null);
  }

  /** Drops every rule of the tenant. */
  public void clear() {
    mock.http().delete(mock.tenantPath() + "/faults", null);
  }

  FaultRule add(ObjectNode rule) {
    return rules(mock.http().post(mock.tenantPath() + "/faults", rule, null)).get(0);
  }

  /** The text of a classpath resource, trying {@code scenarios/<name>.yaml} too; null if neither exists. */
  static String read(String scenario, ClassLoader loader) {
    String bare = scenario.startsWith("classpath:") ? scenario.substring("classpath:".length()) : scenario;
    for (String candidate : new String[] {bare, "scenarios/" + bare + (bare.endsWith(".yaml") ? "" : ".yaml")}) {
      try (InputStream in = loader == null ? null : loader.getResourceAsStream(candidate)) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return null;
  }

  static List<FaultRule> rules(JsonNode page) {
    List<FaultRule> rules = new ArrayList<>();
    for (JsonNode r : page.path("items")) {
      JsonNode status = r.get("status");
      rules.add(new FaultRule(JsonHttp.text(r, "id"), JsonHttp.text(r, "name"), JsonHttp.text(r, "on"),
          JsonHttp.text(r, "effect"), status == null || status.isNull() ? null : status.asInt(),
          JsonHttp.instant(r, "loadedAt"), r.path("matched").asLong(), r.path("fired").asLong(),
          r.path("inWindow").asBoolean()));
    }
    return List.copyOf(rules);
  }
}
