package io.livedigitalmock.pact.consumer;

import static io.livedigitalmock.pact.consumer.Shapes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The guide's "Получение записей": a lesson's recordings, their 24-hour download links, start, stop, delete. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsRecordsPactTest {

  private static final String RECORDS = "/v1/spaces/${spaceId}/rooms/${roomId}/records";
  private static final String RECORDS_EXAMPLE = "/v1/spaces/" + SPACE_ID + "/rooms/" + ROOM_ID + "/records";

  private static PactDslJsonBody record(String state) {
    return new PactDslJsonBody()
        .stringMatcher("id", ID, RECORD_ID)
        .stringType("name", "Algebra 9A 2023-08-08T07:05:59.369Z")
        .stringMatcher("roomId", ID, ROOM_ID)
        .stringMatcher("spaceId", ID, SPACE_ID)
        .stringMatcher("callId", ID, CALL_ID)
        .stringMatcher("state", "^(" + state + ")$", state.split("\\|")[0])
        .datetime("createdAt", ISO_TIME, TIME, UTC)
        .datetime("startedAt", ISO_TIME, TIME, UTC);
  }

  @Pact(consumer = "lms-integration")
  V4Pact records(PactDslWithProvider builder) {
    return builder
        .given("a space exists").given("a room exists in the space").given("a recording exists")
        .uponReceiving("the room's recordings")
        .pathFromProviderState(RECORDS, RECORDS_EXAMPLE).method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().minArrayLike("items", 1,
            record("finished").integerType("fileSize", 8972).datetime("finishedAt", ISO_TIME, TIME, UTC), 1)
            .integerType("total", 1))
        .given("a space exists").given("a room exists in the space").given("a recording exists")
        .uponReceiving("a recording's download link")
        .pathFromProviderState(RECORDS + "/download/${recordId}", RECORDS_EXAMPLE + "/download/" + RECORD_ID)
        .method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(TextBody.matching(RECORD_FILE_URL, "https://cdn.livedigital.space/records/" + RECORD_ID
            + "/record.mp4?expires=1691564759&signature=0f3a"))
        .given("a space exists").given("a room exists in the space").given("a call is in progress in the room")
        .uponReceiving("a recording started in a room with a call")
        .pathFromProviderState(RECORDS + "/start", RECORDS_EXAMPLE + "/start").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(201).body(record("started"))
        .given("a space exists").given("a room exists in the space")
        .given("a recording is in progress in the room")
        .uponReceiving("the room's recording stopped")
        .pathFromProviderState(RECORDS + "/stop", RECORDS_EXAMPLE + "/stop").method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200).body(record("finished|aborted"))
        .given("a space exists").given("a room exists in the space").given("a recording exists")
        .uponReceiving("a recording deleted")
        .pathFromProviderState(RECORDS + "/${recordId}", RECORDS_EXAMPLE + "/" + RECORD_ID).method("DELETE")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "records")
  void theLmsArchivesTheLessonsRecording(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    assertEquals(201, http.post(RECORDS_EXAMPLE + "/start", null, USER_TOKEN).status());
    assertEquals(200, http.post(RECORDS_EXAMPLE + "/stop", null, USER_TOKEN).status());
    String recordId = http.get(RECORDS_EXAMPLE, USER_TOKEN).json().path("items").path(0).path("id").asText();
    IntegratorHttp.Answer link = http.get(RECORDS_EXAMPLE + "/download/" + recordId, USER_TOKEN);
    assertTrue(link.text().matches(RECORD_FILE_URL), "the guide: a string with the file's URL, valid 24 h");
    assertEquals(200, http.delete(RECORDS_EXAMPLE + "/" + recordId, USER_TOKEN).status());
  }
}
