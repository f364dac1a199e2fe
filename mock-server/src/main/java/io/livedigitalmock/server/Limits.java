package io.livedigitalmock.server;

import io.livedigitalmock.server.domain.common.StorageLimits;
import java.time.Duration;

/**
 * What bounds the server, each an option (README "Limits"): how long a client may take to send a
 * request ({@code --request-timeout}) and how long a connection may be silent both ways
 * ({@code --idle-timeout}; longer than the longest long-poll and receiver delay, two minutes); and the
 * memory it may fill: the delivery log, deliveries waiting to be sent, the built-in receivers' logs,
 * all tenants' request journals together, tenants' data (bytes as {@link io.livedigitalmock.server.domain.common.Footprint} estimates them), tenants
 * and receivers.
 */
public record Limits(Duration requestTimeout, Duration idleTimeout, long deliveryLogBytes, long deliveryQueueBytes,
                     long receiverLogBytes, long journalTotalBytes, long dataBytes, int maxTenants, int maxReceivers) {

  public StorageLimits storage() {
    return new StorageLimits(maxTenants, receiverLogBytes, maxReceivers);
  }
}
