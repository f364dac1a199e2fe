package io.livedigitalmock.server.api;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantRegistry;
import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.rooms.RoomSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test: what tenants and stored data really take on the heap, next to what the
 * memory limits count for them ({@code --data-bytes} is counted in Footprint estimates, which must
 * stay above the real figure). Creates N empty tenants, then rooms with 1000-character names in one
 * tenant, on an in-process mock; measures the heap after full collections. Arguments:
 * {@code [tenants] [rooms]} (default 10000 and 20000). Run it with {@code mock-server/bench/memory.sh}.
 */
public final class MemoryBench {

  private MemoryBench() {
  }

  public static void main(String[] args) {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    try (MockServer mock = MockServer.start(MockConfig.parse(new String[] {"--port", "0", "--seed", "1",
        "--max-tenants", "10000000", "--data-bytes", "64g"}, Map.of()))) {
      TenantRegistry registry = mock.tenants();
      List<Tenant> kept = new ArrayList<>();
      long heap = usedHeap();
      long counted = registry.data().used();
      for (int i = 0; i < tenants; i++) {
        kept.add(registry.create(new TenantSpec(null, null, null, null, null, null)));
      }
      report("empty tenant", tenants, usedHeap() - heap, registry.data().used() - counted);

      Tenant tenant = kept.get(0);
      Caller owner = Caller.user(tenant.user().id());
      String space = tenant.backend().spaces().create(owner, "space", null, null, true).id();
      String name = "n".repeat(994);
      heap = usedHeap();
      counted = registry.data().used();
      for (int i = 0; i < rooms; i++) {
        tenant.backend().rooms().create(owner, space, new RoomSettings(name + String.format("%06d", i), null, true,
            Map.of(), null));
      }
      report("room, 1000-char name", rooms, usedHeap() - heap, registry.data().used() - counted);
    }
  }

  private static void report(String what, int n, long heapBytes, long countedBytes) {
    System.out.printf(Locale.ROOT, "%-22s x %,7d: heap %,9d bytes each, counted %,9d each (%.2fx the heap)%n", what,
        n, heapBytes / n, countedBytes / n, (double) countedBytes / Math.max(1, heapBytes));
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
