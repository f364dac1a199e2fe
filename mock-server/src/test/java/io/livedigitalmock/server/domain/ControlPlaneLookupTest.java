package io.livedigitalmock.server.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.domain.auth.Caller;
import io.livedigitalmock.server.domain.calls.JoinRequest;
import io.livedigitalmock.server.domain.common.ApiError;
import io.livedigitalmock.server.domain.rooms.RoomSettings;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Control-plane paths name a room, space or participant by id alone; the id's prefix names its
 * tenant, so a look-up reads that one tenant and never scans (nor waits for) the others.
 */
class ControlPlaneLookupTest {

  private static final String UNKNOWN = "0123456789abcdef01234567";

  private static MockServer server;

  @BeforeAll
  static void start() {
    server = MockServer.start(MockConfig.defaults().withPort(0).withSeed(3));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void lookupsDoNotWaitForOtherTenants() throws Exception {
    TenantRegistry registry = server.tenants();
    Tenant busy = registry.create(spec("busy"));
    Tenant owner = registry.create(spec("owner"));
    World w = World.of(owner);

    CompletableFuture<Void> lookups;
    synchronized (busy.backend().lock()) {   // another tenant in the middle of a long operation
      lookups = CompletableFuture.runAsync(() -> {
        assertSame(owner, registry.byRoomId(w.roomId));
        assertSame(owner, registry.bySpaceId(w.spaceId));
        assertSame(owner, registry.byParticipantId(w.participantId));
        assertEquals(404, assertThrows(ApiError.class, () -> registry.byRoomId(UNKNOWN)).status().code);
        assertEquals(404, assertThrows(ApiError.class, () -> registry.bySpaceId("x")).status().code);
      });
      lookups.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void lookupsFollowDeletesAndResets() {
    TenantRegistry registry = server.tenants();
    Tenant owner = registry.create(spec("resetting"));
    World w = World.of(owner);

    owner.backend().rooms().delete(Caller.user(owner.user().id()), w.spaceId, w.roomId);
    assertThrows(ApiError.class, () -> registry.byRoomId(w.roomId));
    assertSame(owner, registry.bySpaceId(w.spaceId));

    owner.reset();
    assertThrows(ApiError.class, () -> registry.bySpaceId(w.spaceId));
    assertThrows(ApiError.class, () -> registry.byParticipantId(w.participantId));
    World again = World.of(owner);
    assertEquals(w.spaceId, again.spaceId, "same ids after a reset");
    assertSame(owner, registry.bySpaceId(again.spaceId));
    assertSame(owner, registry.byParticipantId(again.participantId));
  }

  @Test
  void theSdkExampleTenantsHardCodedIdsNameIt() {
    TenantRegistry registry = server.tenants();
    Tenant sdk = registry.byClientId(SdkExampleTenant.SPEC.clientId());
    assertSame(sdk, registry.byRoomId(SdkExampleTenant.ANDROID_ROOM_ID));
    assertSame(sdk, registry.bySpaceId(SdkExampleTenant.IOS_SPACE_ID));
    sdk.reset();
    assertSame(sdk, registry.byRoomId(SdkExampleTenant.IOS_ROOM_ID));
  }

  private static TenantSpec spec(String clientId) {
    return new TenantSpec(clientId + "-" + System.nanoTime(), null, null, null, null, null);
  }

  /** A space, a room in it and someone in the room, made directly on the domain. */
  private record World(String spaceId, String roomId, String participantId) {

    static World of(Tenant tenant) {
      Caller user = Caller.user(tenant.user().id());
      TenantBackend b = tenant.backend();
      String spaceId = b.spaces().create(user, "space", null, null, true).id();
      String roomId = b.rooms().create(user, spaceId, new RoomSettings("room", null, true, Map.of(), null)).id();
      String participantId = b.participants().simulateJoin(roomId,
          new JoinRequest("Ann", null, null, null, null, null)).id();
      return new World(spaceId, roomId, participantId);
    }
  }
}
