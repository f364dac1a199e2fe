package io.livedigitalmock.server.scenarios;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.livedigitalmock.server.faults.Effect;
import io.livedigitalmock.server.faults.FaultRule;
import io.livedigitalmock.server.faults.Latency;
import io.livedigitalmock.server.faults.RequestMatch;
import io.livedigitalmock.server.faults.Target;
import io.livedigitalmock.server.faults.Trigger;
import io.livedigitalmock.server.http.ApiOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads scenario documents and single rules (YAML or JSON) into {@link FaultRule}s. Everything is
 * checked before anything is returned, and every problem is reported with its line and field
 * ({@code line 7, field rules[2].when.times: must be a positive integer}), so a bad file loads
 * nothing. The format is described in the README's "Scripted failures".
 */
public final class ScenarioReader {

  private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "tenant", "seed", "rules");
  private static final Set<String> RULE_FIELDS = Set.of("name", "on", "match", "when", "respond", "fault", "delay");
  private static final Set<String> MATCH_FIELDS = Set.of("body", "headers", "event");
  private static final Set<String> WHEN_FIELDS = Set.of("from", "for", "times", "nth", "every", "afterSuccesses",
      "probability", "seed");
  private static final Set<String> RESPOND_FIELDS = Set.of("status", "body", "headers", "retryAfter");
  /**
   * The longest regex a rule may have: ample for matching text, where compiling a long literal takes
   * the JDK time growing with the square of its length (250,000 characters held an event loop 40 s).
   */
  static final int MAX_REGEX_LENGTH = 4_096;
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
  private static final Duration LONGEST_WINDOW = Duration.ofDays(36_500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> problems = new ArrayList<>();

  private ScenarioReader() {
  }

  /** The operationId an operation name means: an operationId or {@code METHOD /path/{template}}. */
  public static Optional<String> operationId(String name) {
    return ApiOperation.named(name).map(ApiOperation::operationId);
  }

  public static List<String> operationIds() {
    return Arrays.stream(ApiOperation.values()).map(ApiOperation::operationId).toList();
  }

  /**
   * A whole scenario: {@code name, description, tenant, seed, rules[]}.
   *
   * @throws ScenarioException listing every problem found
   */
  public static Scenario scenario(String text) {
    ScenarioReader reader = new ScenarioReader();
    Node root = Node.parse(text);
    if (!root.isObject()) {
      throw new ScenarioException(List.of(root.error("a scenario must be a mapping with a rules list")));
    }
    reader.known(root, SCENARIO_FIELDS);
    Map<String, Node> f = root.fields();
    String name = reader.text(f.get("name"));
    String description = reader.text(f.get("description"));
    String tenant = reader.text(f.get("tenant"));
    Long seed = reader.integer(f.get("seed"), Long.MIN_VALUE);
    List<FaultRule> rules = new ArrayList<>();
    Node list = f.get("rules");
    if (list == null || !(list.value instanceof List)) {
      reader.problems.add((list == null ? root : list).error(
          list == null ? "rules is missing: a scenario needs a list of rules" : "rules must be a list"));
    } else {
      for (Node rule : list.items()) {
        rules.add(reader.rule(rule, seed == null ? 0 : seed, rules.size()));
      }
    }
    reader.done();
    return new Scenario(name, description, tenant, List.copyOf(rules));
  }

  /**
   * One rule, or {@code {"rules":[...]}} for several (the control plane's body).
   *
   * @throws ScenarioException listing every problem found
   */
  public static List<FaultRule> rules(String text) {
    Node root = Node.parse(text);
    if (root.isObject() && root.fields().containsKey("rules")) {
      return scenario(text).rules();
    }
    ScenarioReader reader = new ScenarioReader();
    FaultRule rule = reader.rule(root, 0, 0);
    reader.done();
    return List.of(rule);
  }

  private void done() {
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
  }

  private FaultRule rule(Node node, long scenarioSeed, int index) {
    if (!node.isObject()) {
      problems.add(node.error("a rule must be a mapping with on and an effect (respond, fault or delay)"));
      return null;
    }
    known(node, RULE_FIELDS);
    Map<String, Node> f = node.fields();
    Target target = target(f.get("on"), node);
    RequestMatch match = match(f.get("match"), target);
    long defaultSeed = scenarioSeed * 31 + index * 0x9E3779B97F4A7C15L + String.valueOf(target).hashCode();
    Trigger trigger = trigger(f.get("when"), defaultSeed);
    Effect effect = effect(f, node, target);
    return new FaultRule(text(f.get("name")), target, match, trigger, effect);
  }

  private Target target(Node on, Node rule) {
    if (on == null) {
      problems.add(rule.error("on is missing: an operation (e.g. createRoom or \"POST /v1/spaces/{spaceId}/rooms\"),"
          + " * for every operation, webhooks or recordings"));
      return null;
    }
    String name = text(on);
    if (name == null) {
      return null;
    }
    switch (name.trim()) {
      case Target.ANY_OPERATION:
        return Target.operation(Target.ANY_OPERATION);
      case "webhooks":
        return Target.WEBHOOKS;
      case "recordings":
        return Target.RECORDINGS;
      default:
        Optional<String> op = operationId(name);
        if (op.isEmpty()) {
          problems.add(on.error("no operation " + name + "; one of: *, webhooks, recordings, "
              + String.join(", ", operationIds())));
          return null;
        }
        return Target.operation(op.get());
    }
  }

  private RequestMatch match(Node node, Target target) {
    if (node == null) {
      return RequestMatch.ANY;
    }
    if (!node.isObject()) {
      problems.add(node.error("must be a mapping of body, headers or event"));
      return RequestMatch.ANY;
    }
    known(node, MATCH_FIELDS);
    Map<String, Node> f = node.fields();
    boolean api = target == null || target.isApi();
    boolean webhooks = target == null || target.kind() == Target.Kind.WEBHOOKS;
    Pattern body = null;
    if (f.containsKey("body")) {
      body = api ? regex(f.get("body")) : notFor(f.get("body"), target);
    }
    Map<String, Pattern> headers = new LinkedHashMap<>();
    Node h = f.get("headers");
    if (h != null && !api) {
      notFor(h, target);
    } else if (h != null && !h.isObject()) {
      problems.add(h.error("must be a mapping of header name to a regular expression"));
    } else if (h != null) {
      h.fields().forEach((name, value) -> {
        Pattern p = regex(value);
        if (p != null) {
          headers.put(name, p);
        }
      });
    }
    Set<String> events = new LinkedHashSet<>();
    Node e = f.get("event");
    if (e != null && !webhooks) {
      notFor(e, target);
    } else if (e != null && e.value instanceof List) {
      e.items().forEach(item -> events.add(nonEmpty(item)));
    } else if (e != null) {
      events.add(nonEmpty(e));
    }
    events.remove(null);
    return new RequestMatch(body, headers, events);
  }

  private Trigger trigger(Node node, long defaultSeed) {
    if (node == null) {
      return new Trigger(null, null, null, null, null, null, null, defaultSeed);
    }
    if (!node.isObject()) {
      problems.add(node.error("must be a mapping (from, for, times, nth, every, afterSuccesses, probability, seed)"));
      return Trigger.ALWAYS;
    }
    known(node, WHEN_FIELDS);
    Map<String, Node> f = node.fields();
    Double probability = null;
    Node p = f.get("probability");
    if (p != null) {
      if (p.value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
        probability = n.doubleValue();
      } else {
        problems.add(p.error("must be a number from 0 to 1"));
      }
    }
    Long seed = integer(f.get("seed"), Long.MIN_VALUE);
    return new Trigger(duration(f.get("from"), LONGEST_WINDOW, true), duration(f.get("for"), LONGEST_WINDOW, false),
        positive(f.get("times")), positive(f.get("nth")), positive(f.get("every")),
        nonNegative(f.get("afterSuccesses")), probability, seed == null ? defaultSeed : seed);
  }

  private Effect effect(Map<String, Node> f, Node rule, Target target) {
    Node respond = f.get("respond");
    Node fault = f.get("fault");
    Node delay = f.get("delay");
    if (respond == null && fault == null && delay == null) {
      problems.add(rule.error("no effect: give respond, fault or delay (delay may go with either)"));
      return null;
    }
    if (respond != null && fault != null) {
      problems.add(fault.error("give respond or fault, not both"));
      return null;
    }
    Effect effect = Effect.of(Effect.Kind.PASS);
    Node kindNode = respond != null ? respond : fault != null ? fault : delay;
    if (respond != null) {
      effect = respond(respond);
    } else if (fault != null) {
      effect = fault(fault);
    }
    if (effect != null && target != null && !effect.kind().appliesTo(target.kind())) {
      problems.add(kindNode.error((effect.kind() == Effect.Kind.PASS ? "delay alone" : effect.kind().wire)
          + " does not apply to " + target + "; there: " + applicable(target.kind())));
      return null;
    }
    Latency latency = delay == null ? null : latency(delay);
    if (delay != null && effect != null) {
      effect = latency == null ? null : effect.withDelay(latency);
    }
    return effect;
  }

  private Effect respond(Node node) {
    if (!node.isObject()) {
      problems.add(node.error("must be a mapping: status, and optionally body, headers, retryAfter"));
      return null;
    }
    known(node, RESPOND_FIELDS);
    Map<String, Node> f = node.fields();
    Node statusNode = f.get("status");
    Long status = statusNode == null ? null : integer(statusNode, 200);
    if (statusNode == null) {
      problems.add(node.error("status is missing"));
    } else if (status != null && status > 599) {
      problems.add(statusNode.error("must be an HTTP status from 200 to 599"));
      status = null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Node h = f.get("headers");
    if (h != null && !h.isObject()) {
      problems.add(h.error("must be a mapping of header name to value"));
    } else if (h != null) {
      h.fields().forEach((name, value) -> {
        if (value.value instanceof String || value.value instanceof Number) {
          headers.put(name, String.valueOf(value.value));
        } else {
          problems.add(value.error("must be a string"));
        }
      });
    }
    Duration retryAfter = duration(f.get("retryAfter"), Duration.ofDays(1), true);
    if (retryAfter != null) {
      headers.put("Retry-After", Long.toString((retryAfter.toMillis() + 999) / 1000));
    } else if (status != null && status == 429 && headers.keySet().stream().noneMatch("Retry-After"::equalsIgnoreCase)) {
      headers.put("Retry-After", "1");
    }
    String body = null;
    String contentType = null;
    Node b = f.get("body");
    if (b != null && b.value instanceof String s) {
      body = s;
      contentType = "text/plain; charset=utf-8";
    } else if (b != null && b.value != null) {
      body = json(b);
      contentType = "application/json; charset=utf-8";
    }
    return status == null ? null : Effect.respond(status.intValue(), headers, body, contentType);
  }

  private Effect fault(Node node) {
    String name = text(node);
    if (name == null) {
      return null;
    }
    for (Effect.Kind k : Effect.Kind.values()) {
      if (k != Effect.Kind.PASS && k != Effect.Kind.RESPOND && k.wire.equals(name)) {
        return Effect.of(k);
      }
    }
    problems.add(node.error("no fault " + name + "; one of: " + Arrays.stream(Effect.Kind.values())
        .filter(k -> k != Effect.Kind.PASS && k != Effect.Kind.RESPOND).map(k -> k.wire).toList()));
    return null;
  }

  /** {@code 2s}; {@code {min: 100ms, max: 2s}}; {@code {median: 200ms, p99: 5s, max: 30s}}. */
  private Latency latency(Node node) {
    Duration cap = Duration.ofMillis(Latency.CAP_MILLIS);
    if (!node.isObject()) {
      Duration fixed = duration(node, cap, true);
      return fixed == null ? null : Latency.fixed(fixed.toMillis());
    }
    Map<String, Node> f = node.fields();
    if (f.containsKey("median") || f.containsKey("p99")) {
      known(node, Set.of("median", "p99", "max"));
      Duration median = required(node, f, "median", cap);
      Duration p99 = required(node, f, "p99", cap);
      Duration max = f.containsKey("max") ? duration(f.get("max"), cap, false) : cap;
      if (median == null || p99 == null || max == null) {
        return null;
      }
      if (median.isZero() || p99.compareTo(median) <= 0 || max.compareTo(p99) < 0) {
        problems.add(node.error("needs 0 < median < p99 <= max"));
        return null;
      }
      return Latency.longTail(median.toMillis(), p99.toMillis(), max.toMillis());
    }
    known(node, Set.of("min", "max"));
    Duration min = required(node, f, "min", cap);
    Duration max = required(node, f, "max", cap);
    if (min == null || max == null) {
      return null;
    }
    if (max.compareTo(min) < 0) {
      problems.add(node.error("max must not be less than min"));
      return null;
    }
    return Latency.uniform(min.toMillis(), max.toMillis());
  }

  private Duration required(Node parent, Map<String, Node> f, String field, Duration cap) {
    if (!f.containsKey(field)) {
      problems.add(parent.error(field + " is missing"));
      return null;
    }
    return duration(f.get(field), cap, true);
  }

  // ---- scalars ----------------------------------------------------------------------------------

  private Duration duration(Node node, Duration max, boolean zeroAllowed) {
    if (node == null) {
      return null;
    }
    Matcher m = node.value instanceof String s ? DURATION.matcher(s.trim()) : null;
    if (m == null || !m.matches()) {
      problems.add(node.error("must be a duration such as 250ms, 2s, 1.5m or 1h"));
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    double millis = amount * switch (m.group(2)) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      default -> 3_600_000;
    };
    if (millis > max.toMillis() || (!zeroAllowed && millis < 1)) {
      problems.add(node.error("must be " + (zeroAllowed ? "" : "more than 0 and ") + "at most " + human(max)));
      return null;
    }
    return Duration.ofMillis(Math.round(millis));
  }

  private static String human(Duration d) {
    return d.toDays() > 1 ? d.toDays() + " days" : d.toSeconds() + "s";
  }

  private Integer positive(Node node) {
    Long n = integer(node, 1);
    return n == null ? null : (int) Math.min(Integer.MAX_VALUE, n);
  }

  private Integer nonNegative(Node node) {
    Long n = integer(node, 0);
    return n == null ? null : (int) Math.min(Integer.MAX_VALUE, n);
  }

  /** A whole number of at least {@code min}, else a problem ("must be a positive integer"). */
  private Long integer(Node node, long min) {
    if (node == null) {
      return null;
    }
    if (node.value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= min && Math.abs(n.doubleValue()) < 9e15) {
      return n.longValue();
    }
    problems.add(node.error(min == 1 ? "must be a positive integer" : min == 0 ? "must be a whole number, 0 or more"
        : min == 200 ? "must be an HTTP status from 200 to 599" : "must be a whole number"));
    return null;
  }

  private String text(Node node) {
    if (node == null) {
      return null;
    }
    if (node.value instanceof String s) {
      return s;
    }
    problems.add(node.error("must be a string"));
    return null;
  }

  private String nonEmpty(Node node) {
    String s = text(node);
    if (s != null && s.isBlank()) {
      problems.add(node.error("must not be empty"));
      return null;
    }
    return s;
  }

  private Pattern regex(Node node) {
    String s = text(node);
    if (s == null) {
      return null;
    }
    if (s.length() > MAX_REGEX_LENGTH) {
      problems.add(node.error("a regular expression of at most " + MAX_REGEX_LENGTH + " characters"));
      return null;
    }
    try {
      return Pattern.compile(s);
    } catch (PatternSyntaxException e) {
      problems.add(node.error("not a regular expression: " + e.getDescription()));
      return null;
    }
  }

  private <T> T notFor(Node node, Target target) {
    problems.add(node.error("does not apply to " + target));
    return null;
  }

  private void known(Node node, Set<String> fields) {
    node.fields().forEach((name, value) -> {
      if (!fields.contains(name)) {
        problems.add(value.error("unknown field; expected one of " + fields.stream().sorted().toList()));
      }
    });
  }

  private static String applicable(Target.Kind target) {
    List<String> names = new ArrayList<>();
    for (Effect.Kind k : Effect.Kind.values()) {
      if (k.appliesTo(target)) {
        names.add(k == Effect.Kind.PASS ? "delay" : k == Effect.Kind.RESPOND ? "respond" : "fault: " + k.wire);
      }
    }
    return String.join(", ", names);
  }

  /** A body given as a YAML/JSON structure, written as JSON text. */
  private static String json(Node node) {
    try {
      return JSON.writeValueAsString(plain(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object plain(Node node) {
    if (node.value instanceof Map) {
      Map<String, Object> m = new LinkedHashMap<>();
      node.fields().forEach((k, v) -> m.put(k, plain(v)));
      return m;
    }
    if (node.value instanceof List) {
      return node.items().stream().map(ScenarioReader::plain).toList();
    }
    return node.value;
  }
}
