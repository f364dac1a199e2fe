package io.livedigitalmock.server.domain.state;

import java.util.List;

/**
 * The whole state of a mock, as plain data: every tenant with everything it stores, and what makes
 * ids, tokens and time go on from where they were (the seed, the id sources' positions, the token id
 * counter, the clocks' offsets). Not in it: logs (webhook deliveries, the request journal, built-in
 * receivers' requests), deliveries still under way, fault rules, and the JWT key (the state file
 * carries that next to it).
 */
public record StateSnapshot(ServerState server, List<TenantSnapshot> tenants) {

  public StateSnapshot {
    tenants = tenants == null ? null : List.copyOf(tenants);
  }

  /**
   * @param seed the seed new tenants' ids derive from
   * @param clockOffsetMillis how far the server clock was ahead of real time
   * @param tokenIdsIssued how many token ids ({@code jti}) had been handed out
   * @param generatedIds the source of generated client ids and credentials
   */
  public record ServerState(long seed, long clockOffsetMillis, long tokenIdsIssued, IdPosition generatedIds) {
  }
}
