package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * One fault rule, written fluently: what it matches ({@link #withBody}, {@link #withHeader},
 * {@link #forEvent}), when it fires ({@link #nth}, {@link #times}, {@link #every},
 * {@link #afterSuccesses}, {@link #withProbability}, {@link #from}, {@link #during}; all given must
 * hold, none means always), and, last, what it does (the methods that return a {@link FaultRule}: the
 * rule is in force from then on). The mock checks that the effect suits the target, e.g. that
 * {@link #duplicate()} is on webhooks.
 *
 * <pre>{@code
 * mock.faults().on("createRoom").nth(3).respond(503);
 * mock.faults().on("getAccessToken").during(Duration.ofSeconds(30)).respond(503);
 * mock.faults().on("*").withProbability(0.2, 7).rateLimit(Duration.ofSeconds(1));
 * mock.faults().onWebhooks().forEvent("call_finished").duplicate();
 * }</pre>
 */
public final class FaultRuleBuilder {

  private final Faults faults;
  private final ObjectNode rule = JsonHttp.object();
  private final ObjectNode when = JsonHttp.object();
  private final ObjectNode match = JsonHttp.object();

  FaultRuleBuilder(Faults faults, String on) {
    this.faults = faults;
    rule.put("on", on);
  }

  /** A name to tell the rule by in listings and in the journal. */
  public FaultRuleBuilder named(String name) {
    rule.put("name", name);
    return this;
  }

  /** Only requests whose body contains a match of this regular expression. */
  public FaultRuleBuilder withBody(String regex) {
    match.put("body", regex);
    return this;
  }

  /** Only requests with this header, one of whose values contains a match of {@code regex}. */
  public FaultRuleBuilder withHeader(String name, String regex) {
    match.withObjectProperty("headers").put(name, regex);
    return this;
  }

  /** Webhook rules: only deliveries of these events ({@code call_finished}, ...). */
  public FaultRuleBuilder forEvent(String... eventNames) {
    var events = match.putArray("event");
    for (String e : eventNames) {
      events.add(e);
    }
    return this;
  }

  /** Fires at most {@code n} times (alone: on the first {@code n} matches). */
  public FaultRuleBuilder times(int n) {
    when.put("times", n);
    return this;
  }

  /** Fires on the {@code n}th match only. */
  public FaultRuleBuilder nth(int n) {
    when.put("nth", n);
    return this;
  }

  /** Fires on every {@code n}th match. */
  public FaultRuleBuilder every(int n) {
    when.put("every", n);
    return this;
  }

  /** Fires only once {@code n} matches went through untouched. */
  public FaultRuleBuilder afterSuccesses(int n) {
    when.put("afterSuccesses", n);
    return this;
  }

  /** Fires with this chance on each match, repeatably (the seed comes from the rule itself). */
  public FaultRuleBuilder withProbability(double probability) {
    when.put("probability", probability);
    return this;
  }

  /** Fires with this chance, drawn from a random seeded with {@code seed}: the same seed, the same matches. */
  public FaultRuleBuilder withProbability(double probability, long seed) {
    when.put("probability", probability).put("seed", seed);
    return this;
  }

  /** The rule's window opens this long (mock time) after it is loaded. */
  public FaultRuleBuilder from(Duration afterLoading) {
    when.put("from", millis(afterLoading));
    return this;
  }

  /** The rule's window stays open this long (mock time); outside it the rule counts nothing. */
  public FaultRuleBuilder during(Duration length) {
    when.put("for", millis(length));
    return this;
  }

  /** Waits this long before the effect that follows (or before the real answer, with {@link #delay}). */
  public FaultRuleBuilder delayed(Duration delay) {
    rule.put("delay", millis(delay));
    return this;
  }

  // ---- effects (terminal) ------------------------------------------------------------------------

  /** Answers {@code status} with the mock's error body ({@code {"statusCode","error","message"}}). */
  public FaultRule respond(int status) {
    rule.withObjectProperty("respond").put("status", status);
    return add();
  }

  /** Answers {@code status} with this body (JSON text, sent as {@code application/json}). */
  public FaultRule respond(int status, String jsonBody) {
    ObjectNode respond = rule.withObjectProperty("respond").put("status", status);
    try {
      respond.set("body", JsonHttp.JSON.readTree(jsonBody));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage(), e);
    }
    return add();
  }

  /** 429 with {@code Retry-After} (whole seconds, rounded up). */
  public FaultRule rateLimit(Duration retryAfter) {
    rule.withObjectProperty("respond").put("status", 429).put("retryAfter", millis(retryAfter));
    return add();
  }

  /** 401 exactly as for an expired token. */
  public FaultRule expireToken() {
    return fault("expiredToken");
  }

  /** The real answer, {@code delay} late. */
  public FaultRule delay(Duration delay) {
    rule.put("delay", millis(delay));
    return add();
  }

  /** The real answer, late by a uniform draw between the bounds. */
  public FaultRule delayUniform(Duration min, Duration max) {
    rule.putObject("delay").put("min", millis(min)).put("max", millis(max));
    return add();
  }

  /** The real answer, late by a long-tailed (log-normal) draw: half under the median, 99 % under p99, never over max. */
  public FaultRule delayLongTail(Duration median, Duration p99, Duration max) {
    rule.putObject("delay").put("median", millis(median)).put("p99", millis(p99)).put("max", millis(max));
    return add();
  }

  /** The connection closes without an answer. */
  public FaultRule reset() {
    return fault("reset");
  }

  /** The real status and headers, no body. */
  public FaultRule emptyBody() {
    return fault("empty");
  }

  /** The real Content-Length, half the body, then the connection closes. */
  public FaultRule truncateBody() {
    return fault("truncated");
  }

  /** A complete answer whose body is half the real one: JSON that does not parse. */
  public FaultRule malformedBody() {
    return fault("malformed");
  }

  /** Webhooks: the event is delivered twice. */
  public FaultRule duplicate() {
    return fault("duplicate");
  }

  /** Webhooks: the event is held back until the next event of its space was delivered. */
  public FaultRule outOfOrder() {
    return fault("outOfOrder");
  }

  /** Webhooks: the event is signed with another key than the webhook's secret. */
  public FaultRule wrongSignature() {
    return fault("wrongSignature");
  }

  /** Webhooks: the event is never sent. */
  public FaultRule drop() {
    return fault("drop");
  }

  /** Recordings: the recording fails as soon as it started ({@code record_failed} follows). */
  public FaultRule fail() {
    return fault("fail");
  }

  private FaultRule fault(String name) {
    rule.put("fault", name);
    return add();
  }

  private FaultRule add() {
    if (!when.isEmpty()) {
      rule.set("when", when);
    }
    if (!match.isEmpty()) {
      rule.set("match", match);
    }
    return faults.add(rule);
  }

  private static String millis(Duration d) {
    return d.toMillis() + "ms";
  }
}
