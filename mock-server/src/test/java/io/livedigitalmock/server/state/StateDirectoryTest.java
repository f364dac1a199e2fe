package io.livedigitalmock.server.state;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --state-dir}: a restart keeps what was made; a bad file stops the start and is left alone. */
class StateDirectoryTest {

  @TempDir
  Path dir;

  private MockServer start(String... more) {
    List<String> args = new ArrayList<>(List.of("--port", "0", "--state-dir", dir.toString()));
    args.addAll(Arrays.asList(more));
    return MockServer.start(MockConfig.parse(args.toArray(String[]::new), Map.of()));
  }

  @Test
  void aRestartKeepsASpaceRoomLinkAndRecordAndTheTokensIssuedBefore() throws Exception {
    String token;
    String clientId;
    String clientSecret;
    String spaceId;
    TestRoom room;
    String link;
    String recordId;
    try (MockServer mock = start()) {
      TestTenant tenant = TestTenant.create(mock.baseUrl());
      clientId = tenant.clientId();
      clientSecret = tenant.clientSecret();
      token = tenant.owner().accessToken();
      spaceId = tenant.createSpace(token, true);
      room = tenant.createRoom(token, spaceId, true);
      link = tenant.generateAccess(token, room, Map.of("username", "Alice", "role", "user")).then().statusCode(200)
          .extract().path("url");
      tenant.anonymous().body(Map.of("name", "Teacher", "role", "moderator"))
          .post("/_mock/rooms/{r}/participants", room.id()).then().statusCode(201);
      tenant.anonymous().post("/_mock/rooms/{r}/recording/start", room.id()).then().statusCode(201);
      tenant.advanceClock(60);
      recordId = tenant.anonymous().post("/_mock/rooms/{r}/recording/stop", room.id()).then().statusCode(200)
          .extract().path("id");
    }   // a clean stop saves
    assertTrue(Files.isRegularFile(dir.resolve("state.json")));

    try (MockServer mock = start()) {
      String base = mock.baseUrl();
      given().baseUri(base).auth().oauth2(token).get("/v1/spaces/{s}", spaceId).then().statusCode(200);
      given().baseUri(base).auth().oauth2(token).get("/v1/spaces/{s}/rooms/{r}", spaceId, room.id()).then()
          .statusCode(200).body("alias", org.hamcrest.Matchers.equalTo(room.alias()));
      given().baseUri(base).auth().oauth2(token).get("/v1/spaces/room-by-alias/{a}", room.alias()).then()
          .statusCode(200);
      given().accept(ContentType.JSON).get(base + link.substring(link.indexOf("/room/"))).then().statusCode(200)
          .body("participantName", org.hamcrest.Matchers.equalTo("Alice"));
      String download = given().baseUri(base).auth().oauth2(token)
          .get("/v1/spaces/{s}/rooms/{r}/records/download/{id}", spaceId, room.id(), recordId).then().statusCode(200)
          .extract().asString();
      given().get(download).then().statusCode(200);
      given().baseUri(base).contentType(ContentType.JSON).body(Map.of("client_id", clientId,
              "client_secret", clientSecret, "grant_type", "client_credentials"))
          .post("/v1/auth/token").then().statusCode(200);
    }
  }

  @Test
  void theStateIsSavedWhileItRunsNotOnlyAtTheEnd() throws Exception {
    try (MockServer mock = start("--state-save-interval", "0.1")) {
      TestTenant tenant = TestTenant.create(mock.baseUrl());
      String spaceId = tenant.createSpace(tenant.owner().accessToken(), true);
      long deadline = System.nanoTime() + 10_000_000_000L;
      Path file = dir.resolve("state.json");
      while (!(Files.exists(file) && Files.readString(file).contains(spaceId))) {
        assertTrue(System.nanoTime() < deadline, "no save holding " + spaceId + " within 10 s");
        Thread.sleep(20);   // polling a file: nothing to await on
      }
      assertTrue(Files.notExists(dir.resolve("state.json.tmp")), "renamed into place");
    }
  }

  @Test
  void aTruncatedFileStopsTheStartWithAClearErrorAndIsLeftUntouched() throws Exception {
    try (MockServer mock = start()) {
      TestTenant.create(mock.baseUrl());
    }
    Path file = dir.resolve("state.json");
    byte[] whole = Files.readAllBytes(file);
    byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
    Files.write(file, cut);

    IllegalStateException e = assertThrows(IllegalStateException.class, this::start);
    assertTrue(e.getMessage().startsWith(file + " ends early at line "), e.getMessage());
    assertTrue(e.getMessage().contains("cut short") && e.getMessage().contains("left as it is"), e.getMessage());
    assertArrayEquals(cut, Files.readAllBytes(file), "the file is not touched");
    assertTrue(Files.notExists(dir.resolve("state.json.tmp")));
  }

  @Test
  void aFileOfAnotherVersionOrShapeIsRefusedNamingWhy() throws Exception {
    try (MockServer mock = start()) {
      TestTenant.create(mock.baseUrl());
    }
    Path file = dir.resolve("state.json");
    String whole = Files.readString(file);

    Files.writeString(file, whole.replace("\"version\" : 1", "\"version\" : 7"));
    IllegalStateException e = assertThrows(IllegalStateException.class, this::start);
    assertTrue(e.getMessage().contains("version 7 of the state format; this livedigital-mock reads version 1"),
        e.getMessage());

    Files.writeString(file, whole.replaceFirst("\"plan\" : \"pro\"", "\"plan\" : \"platinum\""));
    e = assertThrows(IllegalStateException.class, this::start);
    assertTrue(e.getMessage().contains("tenants[0].plan: unknown value platinum (one of free, basic, pro)"),
        e.getMessage());

    Files.writeString(file, "{\"hello\": \"world\"}");
    e = assertThrows(IllegalStateException.class, this::start);
    assertTrue(e.getMessage().contains("is not a livedigital-mock state"), e.getMessage());
  }

  @Test
  void aStrayTempFileFromAKilledSaveIsNotRead() throws Exception {
    String clientId;
    try (MockServer mock = start()) {
      clientId = TestTenant.create(mock.baseUrl()).clientId();
    }
    Files.writeString(dir.resolve("state.json.tmp"), "{\"format\":\"livedigital-mock-st");
    try (MockServer mock = start()) {
      given().baseUri(mock.baseUrl()).get("/_mock/tenants/{c}", clientId).then().statusCode(200);
    }
  }

  @Test
  void oneMockAtATimeUsesADirectory() {
    try (MockServer mock = start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, this::start);
      assertTrue(e.getMessage().contains("in use by another livedigital-mock"), e.getMessage());
    }
  }

  @Test
  void aKeyGivenWithJwtSecretIsNotWrittenToTheFile() throws Exception {
    String token;
    try (MockServer mock = start("--jwt-secret", "my-own-key-0123456789")) {
      token = TestTenant.create(mock.baseUrl()).owner().accessToken();
    }
    assertTrue(Files.readString(dir.resolve("state.json")).contains("\"jwtSecret\" : null"));
    try (MockServer mock = start("--jwt-secret", "my-own-key-0123456789")) {
      given().baseUri(mock.baseUrl()).auth().oauth2(token).get("/v1/users/me").then().statusCode(200);
    }
    assertEquals(1, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("state")).count());
  }
}
