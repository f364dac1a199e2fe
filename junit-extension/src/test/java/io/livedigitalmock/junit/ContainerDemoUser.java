package io.livedigitalmock.junit;

import io.livedigitalmock.testcontainers.LivedigitalMockContainer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** The demo user of a container started without the extension, signed in with the password grant. */
final class ContainerDemoUser {

  private ContainerDemoUser() {
  }

  static String token(LivedigitalMockContainer mock) {
    return RestAssured.given().contentType("application/json").body(Map.of("client_id", mock.getDemoClientId(),
            "client_secret", mock.getDemoClientSecret(), "grant_type", "password",
            "username", mock.getDemoUserEmail(), "password", mock.getDemoUserPassword()))
        .post(mock.getBaseUrl() + "/v1/auth/token").then().statusCode(200).extract().path("access_token");
  }

  /** JSON requests to {@code /v1} as the demo user. */
  static RequestSpecification api(LivedigitalMockContainer mock) {
    return RestAssured.given().baseUri(mock.getBaseUrl() + "/v1").auth().oauth2(token(mock))
        .contentType("application/json");
  }
}
