package io.livedigitalmock.server.faults;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A rule in force: its id, the moment it was loaded (its window counts from there, in the mock time
 * of its tenant), and its counters. One lock per rule; the random it draws from is its own, so what
 * one rule draws never shifts another's sequence.
 */
public final class ArmedRule {

  private final String id;
  private final FaultRule rule;
  private final Instant loadedAt;
  private final SplittableRandom random;
  /** The window, worked out once: every request that reaches the rule compares with it. */
  private final Instant opens;
  private final Instant closes;
  private long matched;
  private long fired;

  ArmedRule(String id, FaultRule rule, Instant loadedAt) {
    this.id = id;
    this.rule = rule;
    this.loadedAt = loadedAt;
    this.random = new SplittableRandom(rule.trigger().seed());
    Trigger t = rule.trigger();
    this.opens = t.from() == null ? loadedAt : loadedAt.plus(t.from());
    this.closes = t.length() == null ? null : opens.plus(t.length());
  }

  public String id() {
    return id;
  }

  public FaultRule rule() {
    return rule;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public synchronized long matched() {
    return matched;
  }

  public synchronized long fired() {
    return fired;
  }

  /** True while {@code now} lies in the rule's window. */
  public boolean inWindow(Instant now) {
    return !now.isBefore(opens) && (closes == null || now.isBefore(closes));
  }

  /**
   * Counts a match seen at {@code now} (if in the window) and says whether the rule would fire on it.
   * The probability is drawn only for matches that meet every other condition.
   */
  boolean consider(Instant now) {
    return inWindow(now) && count();
  }

  private synchronized boolean count() {
    matched++;
    Trigger t = rule.trigger();
    boolean qualifies = (t.nth() == null || matched == t.nth())
        && (t.every() == null || matched % t.every() == 0)
        && (t.afterSuccesses() == null || matched > t.afterSuccesses())
        && (t.times() == null || fired < t.times());
    return qualifies && (t.probability() == null || random.nextDouble() < t.probability());
  }

  /** The rule fires on the match it just considered: counted, and its delay drawn. */
  synchronized Fired fire() {
    fired++;
    Effect e = rule.effect();
    return new Fired(this, e, e.delay() == null ? 0 : e.delay().sample(random));
  }
}
