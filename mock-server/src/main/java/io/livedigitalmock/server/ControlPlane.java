package io.livedigitalmock.server;

import java.util.List;

/**
 * Who may use the control plane ({@code /_mock}): whether it is on at all ({@code --control-plane};
 * off, only health answers), the token it requires ({@code --control-token}; null: none), and the
 * host names it answers besides loopback and the configured ones ({@code --allowed-hosts}; "*": any).
 */
public record ControlPlane(boolean enabled, String token, List<String> allowedHosts) {

  public ControlPlane {
    allowedHosts = List.copyOf(allowedHosts);
  }
}
