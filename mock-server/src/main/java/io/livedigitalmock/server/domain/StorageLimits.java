package io.livedigitalmock.server.domain;

/**
 * What the domain may hold, so that no sequence of valid requests runs the server out of memory:
 * tenants' stored data in {@link Footprint} bytes and the number of tenants (past either, creating is
 * a 409), and the built-in receivers: their number (409 past it) and their request logs' bytes in all
 * (past it, the oldest requests are forgotten).
 */
public record StorageLimits(long dataBytes, int maxTenants, long receiverLogBytes, int maxReceivers) {
}
