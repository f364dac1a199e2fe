package io.livedigitalmock.server.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestRoom;
import io.livedigitalmock.server.support.TestTenant;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Answers over more than a thousand things go out a piece at a time (chunked, no Content-Length), so
 * that a full store can be read back ({@code MemoryLimitsIT}); these are the same documents a short
 * answer is, every field in its place.
 */
@ExtendWith(MockServerExtension.class)
class LongAnswersTest {

  private static final int MANY = 1_100;

  @Test
  void aSpacesRoomsPastAThousandComeWholeInPieces(TestTenant t) throws Exception {
    String token = t.owner().accessToken();
    String space = t.createSpace(token, true);
    TestRoom first = t.createRoom(token, space, true);
    // the rest straight over HTTP: quicker than through the checked test client, a thousand times
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (int i = 1; i < MANY; i++) {
      java.net.http.HttpResponse<String> made = client.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(t.baseUrl() + "/v1/spaces/" + space + "/rooms"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Room " + i + "\",\"isPublic\":"
              + (i % 2 == 0) + "}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(201, made.statusCode(), made.body());
    }
    Response list = t.as(token).get("/v1/spaces/{s}/rooms", space);
    list.then().statusCode(200).header("Transfer-Encoding", "chunked").header("Content-Length", nullValue())
        .body("total", equalTo(MANY)).body("items.size()", equalTo(MANY));
    JsonPath one = t.as(token).get("/v1/spaces/{s}/rooms/{r}", space, first.id()).then().statusCode(200)
        .extract().jsonPath();
    assertEquals(one.getMap(""), list.jsonPath().getMap("items[0]"), "the list's room is the room");
  }

  @Test
  void aRoomsStateAndItsCallsReportPastAThousandParticipantsComeWholeInPieces(TestTenant t) throws Exception {
    String token = t.owner().accessToken();
    String space = t.createSpace(token, true);
    TestRoom room = t.createRoom(token, space, true);
    for (int i = 0; i < MANY; i++) {
      t.anonymous().body(Map.of("name", "P" + i)).post("/_mock/rooms/{r}/participants", room.id())
          .then().statusCode(201);
    }
    Response state = t.anonymous().get("/_mock/rooms/{r}", room.id());
    state.then().statusCode(200).header("Transfer-Encoding", "chunked")
        .body("roomId", equalTo(room.id())).body("participants.size()", equalTo(MANY))
        .body("participants[1099].name", equalTo("P1099")).body("activeCall.participantIds.size()", equalTo(MANY))
        .body("activeRecording", nullValue()).body("notYetJoined.size()", equalTo(0)).body("calls.size()", equalTo(1));
    assertEquals(List.of("roomId", "activeCall", "activeRecording", "participants", "notYetJoined", "calls"),
        List.copyOf(state.jsonPath().getMap("").keySet()), "the fields in their order");

    String callId = state.jsonPath().getString("activeCall.id");
    t.anonymous().post("/_mock/rooms/{r}/end-call", room.id()).then().statusCode(200);
    Response report = t.as(token).get("/v1/spaces/{s}/analytics/report?roomId={r}&callId={c}", space, room.id(),
        callId);
    report.then().statusCode(200).header("Transfer-Encoding", "chunked")
        .body("callId", equalTo(callId)).body("roomId", equalTo(room.id())).body("spaceId", equalTo(space))
        .body("participants.size()", equalTo(MANY)).body("participants[0].name", equalTo("P0"));
    assertNull(report.jsonPath().get("participants[0].email"));
    assertEquals(List.of("callId", "roomId", "spaceId", "roomName", "roomType", "startedAt", "finishedAt",
        "durationSeconds", "participants"), List.copyOf(report.jsonPath().getMap("").keySet()));

    Response xlsx = t.as(token).get("/v1/spaces/{s}/analytics/report?roomId={r}&callId={c}&format=xlsx", space,
        room.id(), callId);
    xlsx.then().statusCode(200).header("Transfer-Encoding", "chunked").header("Content-Length", nullValue())
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
        new java.io.ByteArrayInputStream(xlsx.asByteArray()));
         var rows = workbook.getFirstSheet().openStream()) {
      List<org.dhatim.fastexcel.reader.Row> all = rows.toList();
      assertEquals(MANY + 1, all.size(), "a header and a row a participant");
      assertEquals("Name", all.get(0).getCellText(0));
      assertEquals("P0", all.get(1).getCellText(0));
      assertEquals("P1099", all.get(MANY).getCellText(0));
    }
  }
}
