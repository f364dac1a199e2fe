package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

@LivedigitalMock
class ParameterInjectionTest {

  private static Livedigital fromBeforeAll;
  private final Livedigital fromConstructor;
  private Livedigital fromBeforeEach;

  ParameterInjectionTest(Livedigital mock) {
    this.fromConstructor = mock;
  }

  @BeforeAll
  static void beforeAll(Livedigital mock) {
    fromBeforeAll = mock;
  }

  @BeforeEach
  void beforeEach(Livedigital mock, TestInfo info) {
    fromBeforeEach = mock;
  }

  @Test
  void theSameHandleReachesEveryKindOfParameter(Livedigital mock) {
    assertSame(fromBeforeAll, mock);
    assertSame(fromConstructor, mock);
    assertSame(fromBeforeEach, mock);
  }

  @Test
  void theHandleNamesALoopbackServerAndATenantWithWorkingTokens(Livedigital mock) {
    assertTrue(mock.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), mock.baseUrl());
    assertEquals(mock.baseUrl() + "/v1", mock.apiBaseUrl());
    assertEquals(Mode.IN_PROCESS, mock.mode());
    assertNotNull(mock.clientId());
    assertNotNull(mock.clientSecret());

    RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.userToken())
        .get("/users/me")
        .then().statusCode(200)
        .body("id", org.hamcrest.Matchers.equalTo(mock.userId()))
        .body("email", org.hamcrest.Matchers.equalTo(mock.userEmail()));
    // a client token may not list spaces [guide FAQ]: proves it is a client token of this tenant
    RestAssured.given().baseUri(mock.apiBaseUrl()).auth().oauth2(mock.clientToken())
        .get("/spaces")
        .then().statusCode(403);
    // the password grant with the handle's credentials works as an integrator would use it
    RestAssured.given().baseUri(mock.apiBaseUrl()).contentType("application/json")
        .body(java.util.Map.of("client_id", mock.clientId(), "client_secret", mock.clientSecret(),
            "grant_type", "password", "username", mock.userEmail(), "password", mock.userPassword()))
        .post("/auth/token")
        .then().statusCode(200).body("token_type", org.hamcrest.Matchers.equalTo("Bearer"));
  }

  @AfterEach
  void afterEach(Livedigital mock) {
    assertSame(fromBeforeEach, mock);
  }
}
