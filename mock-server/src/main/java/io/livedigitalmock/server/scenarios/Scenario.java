package io.livedigitalmock.server.scenarios;

import io.livedigitalmock.server.faults.FaultRule;
import java.util.List;

/**
 * A named list of fault rules, as read from a scenario file. {@code tenant} says whose rules they are
 * when the file is loaded at start ({@code --scenario}): a client id, {@code *} for server-wide, or
 * null for the demo tenant; loading into a tenant through the control plane or from Java ignores it.
 */
public record Scenario(String name, String description, String tenant, List<FaultRule> rules) {

  public static final String SERVER_WIDE = "*";
}
