package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --scenario}: loaded at start into the demo tenant (or the one the file names), again after resets. */
class StartScenarioTest {

  private static EventsKit.Resp demoToken(EventsKit kit) {
    return kit.post("/v1/auth/token", null, new JsonObject().put("client_id", "demo-client")
        .put("client_secret", "demo-secret").put("grant_type", "client_credentials"));
  }

  @Test
  void aShippedScenarioByNameGoesToTheDemoTenantAndComesBackAfterResets() {
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withScenario("token-endpoint-outage"))) {
      EventsKit kit = new EventsKit(server);
      assertEquals(503, demoToken(kit).status());
      assertEquals(201, kit.post("/_mock/tenants", null, null).status());
      EventsKit.Tenant other = kit.newTenant();
      assertEquals(200, kit.get("/v1/users/me", other.token).status(), "another tenant is untouched");
      kit.post("/_mock/tenants/demo-client/clock", null, new JsonObject().put("advanceSeconds", 30)).expect(200);
      assertEquals(200, demoToken(kit).status());
      kit.post("/_mock/tenants/demo-client/reset", null, null).expect(200);
      assertEquals(503, demoToken(kit).status(), "born with it: back after the tenant's reset");
      kit.post("/_mock/reset", null, null).expect(200);
      assertEquals(503, demoToken(kit).status(), "and after a full reset");
    }
  }

  @Test
  void aFileNamingTheServerAppliesToEveryTenant(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("outage.json");
    Files.writeString(file, "{\"tenant\":\"*\",\"rules\":[{\"on\":\"getMe\",\"respond\":{\"status\":502}}]}");
    try (MockServer server = MockServer.start(MockConfig.defaults().withPort(0).withScenario(file.toString()))) {
      EventsKit kit = new EventsKit(server);
      assertEquals(502, kit.get("/v1/users/me", kit.newTenant().token).status());
    }
  }

  @Test
  void aBadFileStopsTheStartNamingLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "rules:\n  - on: getMe\n    when: {times: many}\n    fault: reset\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> MockServer.start(MockConfig.defaults().withPort(0).withScenario(file.toString())));
    assertEquals("--scenario " + file + ": line 3, field rules[0].when.times: must be a positive integer",
        e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> MockServer.start(MockConfig.defaults().withPort(0).withScenario("no-such-scenario")));
  }
}
