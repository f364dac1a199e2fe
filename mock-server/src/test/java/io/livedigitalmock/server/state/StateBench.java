package io.livedigitalmock.server.state;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.Tenant;
import io.livedigitalmock.server.domain.TenantSpec;
import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.rooms.RoomSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test: a state of N tenants × R rooms (each tenant: a space with R rooms, a webhook
 * and an access link per room) written to a state directory, then what reading it back costs: the
 * file's size, a save, reading and checking the file, restoring it, and an in-process start with it
 * next to one without. Arguments: {@code [tenants=1000] [rooms=10] [dir]}. Run it with
 * {@code mock-server/bench/state.sh}, which also times the jar's start with that directory.
 */
public final class StateBench {

  private static final int RUNS = 5;

  private StateBench() {
  }

  public static void main(String[] args) throws Exception {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("ldmock-state-bench");
    Files.deleteIfExists(dir.resolve(StateDirectory.FILE));
    String[] options = {"--port", "0", "--seed", "1", "--max-tenants", "100000", "--state-dir", dir.toString(),
        "--state-save-interval", "0"};
    long[] saves = new long[RUNS];
    try (MockServer mock = MockServer.start(MockConfig.parse(options, Map.of()))) {
      for (int t = 0; t < tenants; t++) {
        Tenant tenant = mock.tenants().create(new TenantSpec(null, null, null, null, null, null));
        Caller owner = Caller.user(tenant.user().id());
        String space = tenant.backend().spaces().create(owner, "School " + t, null, null, true).id();
        tenant.backend().webhooks().create(owner, space, "http://127.0.0.1:3000/hooks");
        for (int r = 0; r < rooms; r++) {
          String room = tenant.backend().rooms().create(owner, space, new RoomSettings("Lesson " + r, null, true,
              Map.of(), null)).id();
          tenant.backend().links().generate(owner, space, room, linkFor(r), "http://127.0.0.1:8080");
        }
      }
      StateTransfer transfer = mock.state();
      for (int i = 0; i < RUNS; i++) {
        long started = System.nanoTime();
        try (var out = Files.newOutputStream(dir.resolve("bench-save.json"))) {
          transfer.export(out);
        }
        saves[i] = System.nanoTime() - started;
      }
      Files.delete(dir.resolve("bench-save.json"));
    }   // the clean stop writes state.json
    Path file = dir.resolve(StateDirectory.FILE);
    byte[] json = Files.readAllBytes(file);
    System.out.printf(Locale.ROOT, "state of %,d tenants x %d rooms: %,d bytes (%.1f MB), %s%n", tenants, rooms,
        json.length, json.length / 1e6, file);
    System.out.printf(Locale.ROOT, "save (snapshot + JSON):          median %,d ms%n", median(saves));

    long[] reads = new long[RUNS];
    StateFile read = null;
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      read = SnapshotReader.read(Files.readAllBytes(file));
      reads[i] = System.nanoTime() - started;
    }
    System.out.printf(Locale.ROOT, "read + check the file:            median %,d ms%n", median(reads));

    long[] with = new long[RUNS];
    long[] without = new long[RUNS];
    long[] restores = new long[RUNS];
    String[] plain = {"--port", "0", "--seed", "1", "--max-tenants", "100000"};
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      try (MockServer mock = MockServer.start(MockConfig.parse(plain, Map.of()))) {
        without[i] = System.nanoTime() - started;
        started = System.nanoTime();
        mock.tenants().restore(read.snapshot());
        restores[i] = System.nanoTime() - started;
      }
      started = System.nanoTime();
      try (MockServer mock = MockServer.start(MockConfig.parse(options, Map.of()))) {
        with[i] = System.nanoTime() - started;
        if (mock.tenants().all().size() != read.tenants().size()) {
          throw new AssertionError("loaded " + mock.tenants().all().size() + " tenants");
        }
      }
    }
    System.out.printf(Locale.ROOT, "restore into the registry:        median %,d ms%n", median(restores));
    System.out.printf(Locale.ROOT, "in-process start with the state:  median %,d ms (without: %,d ms)%n",
        median(with), median(without));
  }

  private static io.livedigitalmock.server.domain.rooms.AccessRequest linkFor(int room) {
    return new io.livedigitalmock.server.domain.rooms.AccessRequest("Pupil " + room,
        io.livedigitalmock.server.domain.rooms.LinkRole.USER, "lms-" + room, null, 86_400L, false, null, null);
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1_000_000;
  }
}
