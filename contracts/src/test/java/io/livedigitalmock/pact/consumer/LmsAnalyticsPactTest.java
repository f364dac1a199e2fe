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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guide's "Выгрузка аналитики": a day's calls of a room, then one call's report as JSON and as XLSX;
 * and the integrator's own ids stored with a person ([docs] storeExternalUserMeta).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsAnalyticsPactTest {

  private static final String ANALYTICS = "/v1/spaces/${spaceId}/analytics";
  private static final String ANALYTICS_EXAMPLE = "/v1/spaces/" + SPACE_ID + "/analytics";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String DAY = "2023-08-08T07:05:59.369Z";

  @Pact(consumer = "lms-integration")
  V4Pact analytics(PactDslWithProvider builder) {
    return builder
        .given("a space exists").given("a room exists in the space")
        .given("a finished call with 2 participants exists")
        .uponReceiving("the room's calls of a day")
        .pathFromProviderState(ANALYTICS + "/calls", ANALYTICS_EXAMPLE + "/calls").method("GET")
        .queryParameterFromProviderState("roomId", "${roomId}", ROOM_ID)
        .queryParameterFromProviderState("date", "${callStartedAt}", DAY)
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(new PactDslJsonBody().minArrayLike("items", 1, new PactDslJsonBody()
            .stringMatcher("id", ID, CALL_ID)
            .booleanValue("active", false)
            .stringMatcher("roomId", ID, ROOM_ID)
            .integerType("participantsCount", 2)
            .booleanType("isBreakoutRoom", false)
            .stringType("planAlias", "pro")
            .stringType("roomType", "lesson")
            .integerType("totalParticipantsCount", 2)
            .integerType("uniqueParticipantsCount", 2)
            .datetime("startedAt", ISO_TIME, TIME, UTC)
            .datetime("finishedAt", ISO_TIME, TIME, UTC), 1))
        .given("a space exists").given("a room exists in the space")
        .given("a finished call with 2 participants exists")
        .uponReceiving("a call's report as JSON")
        .pathFromProviderState(ANALYTICS + "/report", ANALYTICS_EXAMPLE + "/report").method("GET")
        .query("format=json")
        .queryParameterFromProviderState("roomId", "${roomId}", ROOM_ID)
        .queryParameterFromProviderState("callId", "${callId}", CALL_ID)
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(new PactDslJsonBody()
            .stringMatcher("callId", ID, CALL_ID)
            .stringMatcher("roomId", ID, ROOM_ID)
            .datetime("startedAt", ISO_TIME, TIME, UTC)
            .datetime("finishedAt", ISO_TIME, TIME, UTC)
            .minArrayLike("participants", 2, new PactDslJsonBody()
                .stringType("name", "Alice")
                .stringType("externalUserId", "lms-student-1")
                .datetime("joinedAt", ISO_TIME, TIME, UTC)
                .datetime("leftAt", ISO_TIME, TIME, UTC)
                .integerType("timeInCallSeconds", 2700), 2))
        .given("a space exists").given("a room exists in the space")
        .given("a finished call with 2 participants exists")
        .uponReceiving("a call's report as XLSX")
        .pathFromProviderState(ANALYTICS + "/report", ANALYTICS_EXAMPLE + "/report").method("GET")
        .query("format=xlsx")
        .queryParameterFromProviderState("roomId", "${roomId}", ROOM_ID)
        .queryParameterFromProviderState("callId", "${callId}", CALL_ID)
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .matchHeader("Content-Type", "^" + XLSX.replace(".", "\\.") + ".*$", XLSX)
        .given("a space exists")
        .uponReceiving("the integrator's ids stored with a person's meta")
        .pathFromProviderState(ANALYTICS + "/external-user-meta", ANALYTICS_EXAMPLE + "/external-user-meta")
        .method("POST")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody().stringValue("externalUserId", "lms-student-1")
            .stringValue("externalMeetingId", "algebra-9a-2023-08-08")
            .object("meta").stringValue("group", "9A").integerType("grade", 9).closeObject())
        .willRespondWith().status(201)
        .body(new PactDslJsonBody().stringValue("externalUserId", "lms-student-1")
            .object("meta").stringValue("group", "9A").closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "analytics")
  void theLmsCollectsAttendanceAfterTheLesson(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    assertEquals(201, http.post(ANALYTICS_EXAMPLE + "/external-user-meta", Map.of("externalUserId", "lms-student-1",
        "externalMeetingId", "algebra-9a-2023-08-08", "meta", Map.of("group", "9A", "grade", 9)), USER_TOKEN).status());
    String callId = http.get(ANALYTICS_EXAMPLE + "/calls?roomId=" + ROOM_ID + "&date=" + DAY, USER_TOKEN).json()
        .path("items").path(0).path("id").asText();
    IntegratorHttp.Answer report = http.get(ANALYTICS_EXAMPLE + "/report?roomId=" + ROOM_ID + "&callId=" + callId
        + "&format=json", USER_TOKEN);
    assertEquals("lms-student-1", report.json().path("participants").path(0).path("externalUserId").asText());
    assertTrue(http.get(ANALYTICS_EXAMPLE + "/report?roomId=" + ROOM_ID + "&callId=" + callId + "&format=xlsx",
        USER_TOKEN).contentType().startsWith(XLSX));
  }
}
