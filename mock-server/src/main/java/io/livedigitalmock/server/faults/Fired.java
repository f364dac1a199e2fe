package io.livedigitalmock.server.faults;

/** A rule that fired on one request or delivery: what to do, and after how many milliseconds. */
public record Fired(ArmedRule rule, Effect effect, long delayMillis) {

  public Effect.Kind kind() {
    return effect.kind();
  }

  /** {@code rule 3 "token down": respond 503}. */
  public String describe() {
    String name = rule.rule().name();
    return "rule " + rule.id() + (name == null ? "" : " \"" + name + "\"") + ": " + effect.describe();
  }
}
