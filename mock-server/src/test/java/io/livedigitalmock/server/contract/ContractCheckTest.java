package io.livedigitalmock.server.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.OpenApiContract;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract check is no rubber stamp: a real answer of the mock passes it, and the same answer
 * broken in one way at a time is reported with the operation, the status and the schema error; and
 * a wrong answer reaching a test through REST Assured fails that test.
 */
@ExtendWith(MockServerExtension.class)
class ContractCheckTest {

  private static final String JSON = "application/json; charset=utf-8";

  private final OpenApiContract api = OpenApiContract.api();

  @Test
  void aRealRoomPassesAndEachWayOfBreakingItIsReported(TestTenant t) {
    String owner = t.owner().accessToken();
    TestRoom room = t.createRoom(owner, t.createSpace(owner, true), true);
    String path = "/v1/spaces/" + room.spaceId() + "/rooms/" + room.id();
    JsonObject real = new JsonObject(t.as(owner).get(path).then().statusCode(200).extract().asString());
    assertNull(api.check("GET", path, 200, JSON, bytes(real)), "the mock's own answer");

    assertBroken(path, real, r -> r.put("alias", "bad.alias!"), "getRoom", "200", "$.alias", "pattern");
    assertBroken(path, real, r -> r.remove("channelId"), "getRoom", "200", "channelId");
    assertBroken(path, real, r -> r.put("id", 42), "getRoom", "200", "$.id", "integer");
    assertBroken(path, real, r -> r.put("createdAt", "yesterday"), "getRoom", "200", "$.createdAt", "date-time");
    assertBroken(path, real, r -> r.put("isChatAllowed", "yes"), "getRoom", "200", "$.isChatAllowed", "boolean");
    assertBroken(path, real, r -> r.put("spaceId", null), "getRoom", "200", "$.spaceId");
  }

  @Test
  void statusesContentTypesAndBodiesTheDocumentDoesNotDescribeAreReported() {
    String room = "/v1/spaces/60d55c0eb9ef88ab17b0aabb/rooms/60d55c0eb9ef88ab17b0aabc";
    String error = "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Room not found\"}";

    assertReported(api.check("GET", room, 418, JSON, bytes(error)), "getRoom", "418", "not documented");
    assertReported(api.check("GET", room, 404, "text/plain", bytes("Room not found")),
        "getRoom", "404", "text/plain");
    assertReported(api.check("GET", room, 404, JSON, bytes("{\"message\":\"Room not found\"}")),
        "getRoom", "404", "statusCode");
    assertReported(api.check("DELETE", room, 200, JSON, bytes("{}")), "deleteRoom", "200", "describes none");
    assertReported(api.check("GET", room, 200, null, new byte[0]), "getRoom", "200", "no body");
    assertReported(api.check("POST", "/v1/auth/token", 200, JSON,
        bytes("{\"token_type\":\"Bearer\",\"access_token\":\"a.b.c\"}")), "getAccessToken", "refresh_token");
    assertReported(api.check("GET", "/v1/no-such-thing", 200, JSON, bytes("{}")), "no path", "404");
    assertReported(api.check("PATCH", room, 200, JSON, bytes("{}")), "no PATCH", "405");
    assertReported(api.check("GET", room + "/records/download/60d55c0eb9ef88ab17b0aabd", 200,
        "text/plain; charset=utf-8", bytes("not a url")), "RedirectToDownloadRoomRecord", "200", "$");

    assertNull(api.check("GET", "/v1/no-such-thing", 404, JSON, bytes(error)), "unknown routes answer 404");
    assertNull(api.check("GET", "/v1/spaces/60d55c0eb9ef88ab17b0aabb/analytics/report?format=xlsx", 200,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {'P', 'K', 3, 4}),
        "the report's workbook is documented");
  }

  /** The wiring, end to end: a server on loopback answers a room that breaks the schema; REST Assured's call fails. */
  @Test
  void aWrongAnswerFailsTheRestAssuredCallThatGotIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer liar = vertx.createHttpServer()
          .requestHandler(req -> req.response().putHeader("Content-Type", JSON).end(
              "{\"id\":\"60d55c0eb9ef88ab17b0aabb\",\"alias\":\"not an alias\"}"))
          .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      String url = "http://127.0.0.1:" + liar.actualPort() + "/v1/spaces/room-by-alias/abc";

      AssertionError failure = assertThrows(AssertionError.class, () -> given().get(url));

      assertTrue(failure.getMessage().contains("getRoomByAlias"), failure.getMessage());
      assertTrue(failure.getMessage().contains("answered 200"), failure.getMessage());
      assertTrue(failure.getMessage().contains("$.alias"), failure.getMessage());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void assertBroken(String path, JsonObject real, Consumer<JsonObject> breakIt, String... expected) {
    JsonObject broken = real.copy();
    breakIt.accept(broken);
    assertReported(api.check("GET", path, 200, JSON, bytes(broken)), expected);
  }

  private static void assertReported(String problem, String... expected) {
    assertNotNull(problem, "the check let a wrong answer through");
    for (String part : expected) {
      assertTrue(problem.contains(part), () -> "'" + part + "' missing from: " + problem);
    }
  }

  private static byte[] bytes(Object body) {
    return (body instanceof JsonObject o ? o.encode() : body.toString()).getBytes(StandardCharsets.UTF_8);
  }
}
