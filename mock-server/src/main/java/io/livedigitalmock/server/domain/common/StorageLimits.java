package io.livedigitalmock.server.domain.common;

/**
 * What the domain may hold besides stored data ({@link StoredData}), so that no sequence of valid
 * requests runs the server out of memory: the number of tenants (past it, creating one is a 409), and
 * the built-in receivers: their number (409 past it) and their request logs' bytes in all (past it,
 * the oldest requests are forgotten).
 */
public record StorageLimits(int maxTenants, long receiverLogBytes, int maxReceivers) {
}
