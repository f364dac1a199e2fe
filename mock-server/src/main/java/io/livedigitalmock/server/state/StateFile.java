package io.livedigitalmock.server.state;

import io.livedigitalmock.server.domain.state.StateSnapshot;
import io.livedigitalmock.server.domain.state.TenantSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * A state file as written: {@code {"format":"livedigital-mock-state","version":1,"savedAt",...}}, then
 * the JWT key (null when {@code --jwt-secret} gave one: the mock has it then), the server's counters
 * and the tenants. The format and version come first so that a reader can tell what it holds before
 * reading the rest.
 *
 * @param savedAt the mock's time (server clock) when it was written
 * @param jwtSecret the key tokens in it were signed with, or null
 */
public record StateFile(String format, int version, Instant savedAt, String jwtSecret,
                        StateSnapshot.ServerState server, List<TenantSnapshot> tenants) {

  public static final String FORMAT = "livedigital-mock-state";
  /** The only version this mock reads and writes. A change of shape is a new version. */
  public static final int VERSION = 1;

  static StateFile of(StateSnapshot snapshot, Instant savedAt, String jwtSecret) {
    return new StateFile(FORMAT, VERSION, savedAt, jwtSecret, snapshot.server(), snapshot.tenants());
  }

  public StateSnapshot snapshot() {
    return new StateSnapshot(server, tenants);
  }
}
