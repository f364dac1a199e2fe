package io.livedigitalmock.server.faults;

import java.util.Map;

/**
 * What a rule does when it fires, as data: an optional delay, then one of the kinds below. A
 * {@link Kind#RESPOND} carries its status, headers and body (null: the mock's error shape for the
 * status); {@link Kind#PASS} only delays the real answer.
 */
public record Effect(Latency delay, Kind kind, int status, Map<String, String> headers, String body,
                     String contentType) {

  /** The effects and the targets they apply to, with their names in scenario files. */
  public enum Kind {
    PASS("pass", Target.Kind.API, Target.Kind.WEBHOOKS),
    RESPOND("respond", Target.Kind.API),
    EXPIRED_TOKEN("expiredToken", Target.Kind.API),
    RESET("reset", Target.Kind.API),
    EMPTY("empty", Target.Kind.API),
    TRUNCATED("truncated", Target.Kind.API),
    MALFORMED("malformed", Target.Kind.API),
    DUPLICATE("duplicate", Target.Kind.WEBHOOKS),
    OUT_OF_ORDER("outOfOrder", Target.Kind.WEBHOOKS),
    WRONG_SIGNATURE("wrongSignature", Target.Kind.WEBHOOKS),
    DROP("drop", Target.Kind.WEBHOOKS),
    FAIL("fail", Target.Kind.RECORDINGS);

    public final String wire;
    private final Target.Kind[] targets;

    Kind(String wire, Target.Kind... targets) {
      this.wire = wire;
      this.targets = targets;
    }

    public boolean appliesTo(Target.Kind target) {
      for (Target.Kind t : targets) {
        if (t == target) {
          return true;
        }
      }
      return false;
    }
  }

  public Effect {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static Effect of(Kind kind) {
    return new Effect(null, kind, 0, Map.of(), null, null);
  }

  public static Effect delay(Latency latency) {
    return new Effect(latency, Kind.PASS, 0, Map.of(), null, null);
  }

  public static Effect respond(int status, Map<String, String> headers, String body, String contentType) {
    return new Effect(null, Kind.RESPOND, status, headers, body, contentType);
  }

  public Effect withDelay(Latency latency) {
    return new Effect(latency, kind, status, headers, body, contentType);
  }

  /** {@code respond 503}, {@code delay 2000ms then expiredToken}: for logs and the journal. */
  public String describe() {
    String what = kind == Kind.RESPOND ? "respond " + status : kind == Kind.PASS ? "" : kind.wire;
    if (delay == null) {
      return what;
    }
    return "delay " + delay + (what.isEmpty() ? "" : " then " + what);
  }
}
