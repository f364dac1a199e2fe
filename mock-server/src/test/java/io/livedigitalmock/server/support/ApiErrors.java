package io.livedigitalmock.server.support;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.ResponseSpecification;

/** What every error answer must look like: the status and a JSON {@code {statusCode, error, message}}. */
public final class ApiErrors {

  private ApiErrors() {
  }

  public static ResponseSpecification apiError(int status) {
    return new ResponseSpecBuilder()
        .expectStatusCode(status)
        .expectContentType(ContentType.JSON)
        .expectBody("statusCode", equalTo(status))
        .expectBody("error", instanceOf(String.class))
        .expectBody("error", not(emptyOrNullString()))
        .expectBody("message", instanceOf(String.class))
        .expectBody("message", not(emptyOrNullString()))
        .build();
  }

  /** The token endpoint's errors add OAuth2's {@code error} code and {@code error_description}. */
  public static ResponseSpecification oauthError(int status, String code) {
    return new ResponseSpecBuilder()
        .addResponseSpecification(apiError(status))
        .expectBody("error", equalTo(code))
        .expectBody("error_description", not(emptyOrNullString()))
        .build();
  }
}
