package io.livedigitalmock.server.faults;

import java.util.random.RandomGenerator;

/**
 * How long a fault holds an answer back: a fixed time, uniform between two bounds, or long-tailed
 * (log-normal through a median and a 99th percentile, cut at a maximum), in milliseconds. Drawn from
 * the rule's own seeded random, so a run repeats exactly.
 */
public record Latency(Shape shape, long millis, long maxMillis, long p99Millis) {

  /** At most this long, whatever a rule asks: every delay ends by itself. */
  public static final long CAP_MILLIS = 300_000;

  public enum Shape { FIXED, UNIFORM, LONG_TAIL }

  public static Latency fixed(long millis) {
    return new Latency(Shape.FIXED, millis, millis, millis);
  }

  public static Latency uniform(long minMillis, long maxMillis) {
    return new Latency(Shape.UNIFORM, minMillis, maxMillis, maxMillis);
  }

  /** Half the draws are under {@code medianMillis}, 99 % under {@code p99Millis}, none over {@code maxMillis}. */
  public static Latency longTail(long medianMillis, long p99Millis, long maxMillis) {
    return new Latency(Shape.LONG_TAIL, medianMillis, maxMillis, p99Millis);
  }

  public long sample(RandomGenerator random) {
    return switch (shape) {
      case FIXED -> millis;
      case UNIFORM -> maxMillis == millis ? millis : random.nextLong(millis, maxMillis + 1);
      case LONG_TAIL -> {
        // log-normal: median * e^(sigma * Z), sigma chosen so that P(X <= p99) = 0.99 (z = 2.326)
        double sigma = Math.log((double) p99Millis / millis) / 2.3263478740408408;
        yield Math.min(maxMillis, Math.round(millis * Math.exp(sigma * random.nextGaussian())));
      }
    };
  }

  @Override
  public String toString() {
    return switch (shape) {
      case FIXED -> millis + "ms";
      case UNIFORM -> millis + "-" + maxMillis + "ms";
      case LONG_TAIL -> "median " + millis + "ms, p99 " + p99Millis + "ms, max " + maxMillis + "ms";
    };
  }
}
