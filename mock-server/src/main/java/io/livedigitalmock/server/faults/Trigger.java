package io.livedigitalmock.server.faults;

import java.time.Duration;

/**
 * When a rule fires, among the requests (or deliveries, or recordings) it matches. All conditions
 * given must hold; none given means always.
 *
 * @param from           the window opens this long after the rule was loaded (mock time); null: at once
 * @param length         the window stays open this long; null: for good. Outside it nothing is counted
 * @param times          fire at most this many times (alone: the first N matches)
 * @param nth            only the Nth match
 * @param every          the Nth, 2Nth, 3Nth... match
 * @param afterSuccesses only once this many matches went through untouched
 * @param probability    each match that qualifies fires with this chance, from a random seeded by
 *                       {@code seed}, so the same rule fires on the same matches every run
 */
public record Trigger(Duration from, Duration length, Integer times, Integer nth, Integer every,
                      Integer afterSuccesses, Double probability, long seed) {

  public static final Trigger ALWAYS = new Trigger(null, null, null, null, null, null, null, 0);
}
