package io.livedigitalmock.server.faults;

/**
 * One scripted failure, as written: what it watches, on which content, when it fires, and what it
 * does then. Validated when read (scenario file, control plane), so a rule here is always sound.
 */
public record FaultRule(String name, Target target, RequestMatch match, Trigger trigger, Effect effect) {

  public FaultRule {
    match = match == null ? RequestMatch.ANY : match;
    trigger = trigger == null ? Trigger.ALWAYS : trigger;
  }
}
