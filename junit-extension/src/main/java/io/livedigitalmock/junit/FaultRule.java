package io.livedigitalmock.junit;

import java.time.Instant;

/**
 * A fault rule in force on the mock, as it reports it.
 *
 * @param on       the operationId it watches, {@code *}, {@code webhooks} or {@code recordings}
 * @param effect   what it does: {@code respond 503}, {@code delay 2000ms then reset}, {@code duplicate}...
 * @param status   the status it answers with, for {@code respond} rules
 * @param matched  how many requests (deliveries, recordings) it has counted
 * @param fired    how many times it fired
 * @param inWindow whether its time window (mock time) is open now
 */
public record FaultRule(String id, String name, String on, String effect, Integer status, Instant loadedAt,
                        long matched, long fired, boolean inWindow) {
}
