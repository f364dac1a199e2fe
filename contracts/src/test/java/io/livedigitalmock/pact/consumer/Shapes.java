package io.livedigitalmock.pact.consumer;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import java.time.Instant;
import java.util.TimeZone;

/**
 * What the integrator relies on, as Pact matchers: ids, aliases, tokens, URLs and times by pattern,
 * never by value. The examples are the guide's and the SDK apps' own values.
 */
final class Shapes {

  static final String ID = "^[0-9a-f]{24}$";
  /** Real aliases contain {@code _} and {@code -} too (the SDK apps' {@code q3_5V3uwik}). */
  static final String ALIAS = "^[A-Za-z0-9_-]{10}$";
  static final String JWT = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";
  static final String HEX_SIGNATURE = "^[0-9a-f]{64}$";
  static final String ROOM_LINK =
      "^https?://[^/\\s]+/room/[A-Za-z0-9_-]{10}\\?participantName=[^&\\s]+&accessToken=[A-Za-z0-9_.-]+$";
  static final String RECORD_FILE_URL = "^https?://\\S+\\.mp4(\\?\\S*)?$";
  static final String HTTP_URL = "^https?://\\S+$";
  /** ISO-8601 UTC with milliseconds, as Node's {@code toISOString} writes it. */
  static final String ISO_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
  static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  // examples: the guide's samples
  static final String SPACE_ID = "60d55c0eb9ef88ab17b0aabb";
  static final String ROOM_ID = "62b0e25e3dc082dc7502d273";
  static final String ROOM_ALIAS = "EGBYWoMZJe";
  static final String CHANNEL_ID = "62b0e25e7f20b37190ff5e0a";
  static final String USER_ID = "60cb1fd41f46ac12ff0eec79";
  static final String OTHER_USER_ID = "62ab5a84b0ce6ee31b0997b3";
  static final String INVITE_ID = "62bccb101f211e947a00da47";
  static final String CALL_ID = "64d1e8a7c2f3b94d1e0a7c55";
  static final String RECORD_ID = "64d1e9b2c2f3b94d1e0a7c71";
  static final String PARTICIPANT_ID = "66cc0a4ed3522636cfeb7801";
  static final Instant TIME = Instant.parse("2023-08-08T07:05:59.369Z");
  static final String CLIENT_ID = "john-smith-livedigital";
  static final String CLIENT_SECRET = "VTytkTR7ZHH5nLhoWCLjymrUJjKBzfs4";
  static final String USER_EMAIL = "test_user@test.test";
  static final String CLIENT_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MmEwOWZjNzAyZjg2Y2UzN2E5Mzg2ZjEiLCJh"
      + "dWQiOiJjbGllbnQiLCJ0eXBlIjoiYWNjZXNzVG9rZW4iLCJjSWQiOiI2MmEwOWZjNzAyZjg2Y2UzN2E5Mzg2ZjEiLCJqdGkiOiI1ZGxDZ0pxRz"
      + "Z1dFFycjNqSTFjSmMiLCJpYXQiOjE2NTUzMTYwNjgsImV4cCI6MTY1NTkyMDg2OH0.5vTOaqS77Yl-4cYT1WM5DdKbo8-I__bxB2DX5kyFaTA";
  static final String USER_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MmFiNWE4NGIwY2U2ZWUzMWIwOTk3YjMiLCJhd"
      + "WQiOiJ1c2VyIiwidHlwZSI6ImFjY2Vzc1Rva2VuIiwiY0lkIjoiNjJhMDlmYzcwMmY4NmNlMzdhOTM4NmYxIiwianRpIjoiZXZ5ZlJWRWsyRGozV"
      + "FFsYzF5UnBLIiwic2duIjoiYjgxMTBmOGZiNiIsImlhdCI6MTY1NTc1ODAwMiwiZXhwIjoxNjU2MzYyODAyfQ.hzXW-dHJD0TUtLY22yefmZogvSan"
      + "Ebb70zRo4Kku98A";
  static final String OTHER_USER_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MmFiNWE4NGIwY2U2ZWUzMWIwOTk3Y"
      + "jQiLCJhdWQiOiJ1c2VyIiwidHlwZSI6ImFjY2Vzc1Rva2VuIn0.c2Vjb25kLXVzZXItZXhhbXBsZS1zaWduYXR1cmU";
  static final String REFRESH_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MGM4YzZmMGE2MGY1Yzc0OGQxZWYyN2UiL"
      + "CJhdWQiOiJ1c2VyIiwidHlwZSI6InJlZnJlc2hUb2tlbiJ9.Gj8fLaDAX4";

  private Shapes() {
  }

  /** {@code Authorization: Bearer <the tenant user's token>}. */
  static PactDslRequestWithPath asUser(PactDslRequestWithPath request) {
    return request.headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN);
  }

  /** {@code Authorization: Bearer <a client-credentials token>}. */
  static PactDslRequestWithPath asClient(PactDslRequestWithPath request) {
    return request.headerFromProviderState("Authorization", "Bearer ${clientToken}", "Bearer " + CLIENT_TOKEN);
  }

  /** A JSON request body, sent as the guide's curl samples send it: {@code Content-Type: application/json}. */
  static PactDslRequestWithPath json(PactDslRequestWithPath request, DslPart body) {
    return request.headers("Content-Type", "application/json").body(body);
  }

  /** {@code {"id": <ObjectId>}}: what every create answers. */
  static PactDslJsonBody idOnly(String example) {
    return new PactDslJsonBody().stringMatcher("id", ID, example);
  }

  /** The Room object: the guide's three fields, the SDK apps' two more, and the docs' settings. */
  static PactDslJsonBody room(String name) {
    return (PactDslJsonBody) new PactDslJsonBody()
        .stringMatcher("id", ID, ROOM_ID)
        .stringMatcher("alias", ALIAS, ROOM_ALIAS)
        .stringMatcher("channelId", ID, CHANNEL_ID)
        .stringMatcher("spaceId", ID, SPACE_ID)
        .stringType("name", name)
        .booleanType("isPublic", true)
        .stringType("type", "lesson")
        .booleanType("isChatAllowed", true)
        .booleanType("isScreensharingAllowed", true)
        .datetime("createdAt", ISO_TIME, TIME, UTC);
  }

  /** The Space object as the mock shows it. */
  static PactDslJsonBody space(String name) {
    return new PactDslJsonBody()
        .stringMatcher("id", ID, SPACE_ID)
        .stringType("name", name)
        .booleanType("isPublic", true)
        .stringMatcher("ownerId", ID, USER_ID)
        .stringType("planAlias", "pro")
        .datetime("createdAt", ISO_TIME, TIME, UTC);
  }

  /** NestJS's error body {@code {"statusCode", "error", "message"}}; {@code message} exact where a source quotes it. */
  static PactDslJsonBody error(int status, String reason, String message, boolean exactMessage) {
    PactDslJsonBody body = new PactDslJsonBody().integerType("statusCode", status).stringType("error", reason);
    return exactMessage ? body.stringValue("message", message) : body.stringType("message", message);
  }
}
