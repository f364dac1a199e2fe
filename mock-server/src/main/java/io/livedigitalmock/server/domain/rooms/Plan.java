package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.WireName;

/**
 * A space's tariff. The guide says webhooks need any paid plan and statistics need a plan "with
 * statistics"; the real plan names are not public, so these three are the mock's own [assumed].
 */
public enum Plan implements WireName {
  FREE("free", false, false),
  BASIC("basic", true, false),
  PRO("pro", true, true);

  private final String wire;
  private final boolean webhooks;
  private final boolean statistics;

  Plan(String wire, boolean webhooks, boolean statistics) {
    this.wire = wire;
    this.webhooks = webhooks;
    this.statistics = statistics;
  }

  @Override
  public String wire() {
    return wire;
  }

  public boolean allowsWebhooks() {
    return webhooks;
  }

  public boolean hasStatistics() {
    return statistics;
  }
}
