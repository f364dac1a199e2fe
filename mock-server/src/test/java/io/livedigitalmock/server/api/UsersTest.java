package io.livedigitalmock.server.api;

import static io.livedigitalmock.server.support.ApiErrors.apiError;
import static io.livedigitalmock.server.support.ApiErrors.oauthError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.livedigitalmock.server.support.MockServerExtension;
import io.livedigitalmock.server.support.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** createUser (client token only) [guide] and users/me [sdk]. */
@ExtendWith(MockServerExtension.class)
class UsersTest {

  private static final String USER_ONLY = "Данный метод запрещен для пользователя";

  @Test
  void clientTokenCreatesAUserWhoLogsInWithTheirEmail(TestTenant t) {
    String id = t.as(t.clientToken())
        .body(Map.of("email", "some-email@example.com", "password", "gmi28abc",
            "username", "Some Username Here", "phone", "+79671234567", "captchaToken", "string"))
        .post("/v1/users").then().statusCode(201).body("id", matchesPattern("[0-9a-f]{24}"))
        .extract().path("id");

    String token = t.login(id, "some-email@example.com", "gmi28abc").accessToken();

    t.as(token).get("/v1/users/me").then().statusCode(200)
        .body("id", equalTo(id))
        .body("email", equalTo("some-email@example.com"))
        .body("username", equalTo("Some Username Here"))
        .body("phone", equalTo("+79671234567"));
  }

  @Test
  void aUserTokenMayCreateUsersToo(TestTenant t) {
    // the guide uses the client token; no source says a user token is refused (ledger T9)
    Map<String, String> body = Map.of("email", "second@example.com", "password", "p", "username", "u");

    t.as(t.owner().accessToken()).body(body).post("/v1/users").then().statusCode(201);

    t.token(Map.of("grant_type", "password", "username", "second@example.com", "password", "p"))
        .then().statusCode(200);
  }

  @Test
  void duplicateEmailIs409AndKeepsTheFirstUser(TestTenant t) {
    String client = t.clientToken();
    t.as(client).body(Map.of("email", "dup@example.com", "password", "first", "username", "first"))
        .post("/v1/users").then().statusCode(201);

    t.as(client).body(Map.of("email", "dup@example.com", "password", "second", "username", "second"))
        .post("/v1/users").then().spec(apiError(409));
    t.as(client).body(Map.of("email", "DUP@Example.com", "password", "third", "username", "third"))
        .post("/v1/users").then().spec(apiError(409));

    t.token(Map.of("grant_type", "password", "username", "dup@example.com", "password", "first"))
        .then().statusCode(200);
    t.token(Map.of("grant_type", "password", "username", "dup@example.com", "password", "second"))
        .then().spec(oauthError(400, "invalid_grant"));
  }

  @Test
  void usersMeAnswersTheCallerOnly(TestTenant t) {
    var anna = t.newUser("anna");
    var boris = t.newUser("boris");

    t.as(anna.accessToken()).get("/v1/users/me").then().statusCode(200)
        .body("id", equalTo(anna.id())).body("email", equalTo(anna.email())).body("username", equalTo("anna"));
    t.as(boris.accessToken()).get("/v1/users/me").then().statusCode(200).body("id", equalTo(boris.id()));
  }

  @Test
  void usersMeWithAClientTokenIsTheDocumented403(TestTenant t) {
    t.as(t.clientToken()).get("/v1/users/me").then().spec(apiError(403)).body("message", equalTo(USER_ONLY));
  }

  @Test
  void aUserOfOneTenantCannotLogInThroughAnother(TestTenant t, TestTenant other) {
    other.token(Map.of("grant_type", "password", "username", t.owner().email(), "password", t.owner().password()))
        .then().spec(oauthError(400, "invalid_grant"));
  }

  @Test
  void theSameEmailMayBeRegisteredInTwoTenants(TestTenant t, TestTenant other) {
    Map<String, String> body = Map.of("email", "shared@example.com", "password", "p", "username", "u");
    t.as(t.clientToken()).body(body).post("/v1/users").then().statusCode(201);
    other.as(other.clientToken()).body(body).post("/v1/users").then().statusCode(201);
  }
}
