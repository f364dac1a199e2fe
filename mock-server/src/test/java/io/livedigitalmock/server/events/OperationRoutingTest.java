package io.livedigitalmock.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a request finds its API operation: the paths clients send reach the operation a per-operation
 * route reached before (one trailing slash, escaped unreserved characters, decoded parameters, the
 * first operation mounted winning), and what no operation serves is a 404 or, where the path is
 * served under another method, a 405, both journaled as unknown routes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OperationRoutingTest {

  @RegisterExtension
  static final EventsKit kit = new EventsKit();

  private EventsKit.Tenant t;
  private String spaceId;
  private JsonObject room;

  @BeforeEach
  void tenant() {
    t = kit.newTenant();
    spaceId = t.createSpace();
    room = t.createRoom(spaceId, new JsonObject().put("name", "Lesson"));
  }

  private String roomPath() {
    return "/v1/spaces/" + spaceId + "/rooms/" + room.getString("id");
  }

  @Test
  void aTrailingSlashAndEscapedLettersReachTheSameOperation() {
    assertEquals(room.getString("id"), kit.get(roomPath() + "/", t.token).expect(200).getString("id"));
    String escapedFirst = "/v1/spaces/%" + Integer.toHexString(spaceId.charAt(0)) + spaceId.substring(1)
        + "/rooms/" + room.getString("id");
    assertEquals(room.getString("id"), kit.get(escapedFirst, t.token).expect(200).getString("id"));
    assertEquals("No such route", kit.get(roomPath() + "/x/", t.token).expect(404).getString("message"));
  }

  @Test
  void aParameterIsOneSegmentDecoded() {
    // %2F stays escaped in the path, so it is one segment: the operation runs and finds no such space
    assertEquals("Space not found", kit.get("/v1/spaces/a%2Fb/rooms", t.token).expect(404).getString("message"));
    JsonArray journaled = kit.get("/_mock/tenants/" + t.clientId + "/requests?operation=getRooms", null)
        .expect(200).getJsonArray("items");
    assertEquals(1, journaled.size(), journaled.encode());
  }

  @Test
  void theFirstOperationMountedWinsWhereTwoTemplatesMatch() {
    // GET /v1/spaces/room-by-alias/rooms is both getRoomByAlias(alias "rooms") and getRooms(spaceId
    // "room-by-alias"): the alias route was mounted first
    JsonObject answer = kit.get("/v1/spaces/room-by-alias/rooms", t.token).expect(404);
    assertTrue(answer.getString("message").toLowerCase().contains("room"), answer.encode());
    JsonArray journaled = kit.get("/_mock/tenants/" + t.clientId + "/requests?operation=getRoomByAlias", null)
        .expect(200).getJsonArray("items");
    assertEquals("/v1/spaces/room-by-alias/rooms", journaled.getJsonObject(0).getString("path"));
  }

  @Test
  void anotherMethodOnAServedPathIs405AndNoPathIs404BothUnknownRoutes() {
    assertEquals("Method not allowed on this route",
        kit.send("PATCH", roomPath(), t.token, new JsonObject()).expect(405).getString("message"));
    assertEquals("No such route", kit.get(roomPath() + "/nothing", t.token).expect(404).getString("message"));
    assertEquals(404, kit.get("/v1", t.token).status());
    JsonArray unknown = kit.get("/_mock/tenants/" + t.clientId + "/requests?knownRoute=false", null)
        .expect(200).getJsonArray("items");
    assertEquals(3, unknown.size(), unknown.encode());
    for (Object entry : unknown) {
      JsonObject e = (JsonObject) entry;
      assertNull(e.getValue("operation"), e.encode());
      assertFalse(e.getBoolean("knownRoute"));
    }
  }
}
