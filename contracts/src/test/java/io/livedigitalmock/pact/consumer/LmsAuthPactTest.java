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

/** The guide's "Авторизация" and "Создание пользователя": tokens of the client and of users, new users. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "livedigital-api", pactVersion = PactSpecVersion.V4)
class LmsAuthPactTest {

  private static PactDslJsonBody tokenPair() {
    return new PactDslJsonBody()
        .stringMatcher("token_type", "^[Bb]earer$", "Bearer")
        .stringMatcher("access_token", JWT, USER_TOKEN)
        .stringMatcher("refresh_token", JWT, REFRESH_TOKEN);
  }

  @Pact(consumer = "lms-integration")
  V4Pact tokens(PactDslWithProvider builder) {
    return builder
        .given("the client and its user exist")
        .uponReceiving("a client-credentials token request")
        .path("/v1/auth/token").method("POST")
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody()
            .valueFromProviderState("client_id", "${clientId}", CLIENT_ID)
            .valueFromProviderState("client_secret", "${clientSecret}", CLIENT_SECRET)
            .stringValue("grant_type", "client_credentials"))
        .willRespondWith().status(200)
        .body(new PactDslJsonBody()
            .stringMatcher("token_type", "^[Bb]earer$", "Bearer")
            .stringMatcher("access_token", JWT, CLIENT_TOKEN)
            .stringMatcher("refresh_token", JWT, REFRESH_TOKEN))
        .given("the client and its user exist")
        .uponReceiving("a password-grant token request with the user's email as username")
        .path("/v1/auth/token").method("POST")
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody()
            .valueFromProviderState("client_id", "${clientId}", CLIENT_ID)
            .valueFromProviderState("client_secret", "${clientSecret}", CLIENT_SECRET)
            .stringValue("grant_type", "password")
            .valueFromProviderState("username", "${userEmail}", USER_EMAIL)
            .valueFromProviderState("password", "${userPassword}", "123456"))
        .willRespondWith().status(200).body(tokenPair())
        .given("the user has logged in")
        .uponReceiving("a refresh-token grant request")
        .path("/v1/auth/token").method("POST")
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody()
            .valueFromProviderState("client_id", "${clientId}", CLIENT_ID)
            .valueFromProviderState("client_secret", "${clientSecret}", CLIENT_SECRET)
            .stringValue("grant_type", "refresh_token")
            .valueFromProviderState("refresh_token", "${refreshToken}", REFRESH_TOKEN))
        .willRespondWith().status(200).body(tokenPair())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "tokens")
  void theLmsLogsInAsClientAndAsUserAndRefreshes(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    IntegratorHttp.Answer client = http.post("/v1/auth/token", Map.of("client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET, "grant_type", "client_credentials"), null);
    assertEquals("Bearer", client.field("token_type"));
    IntegratorHttp.Answer user = http.post("/v1/auth/token", Map.of("client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET, "grant_type", "password", "username", USER_EMAIL, "password", "123456"), null);
    assertTrue(user.field("access_token").matches(JWT));
    IntegratorHttp.Answer refreshed = http.post("/v1/auth/token", Map.of("client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET, "grant_type", "refresh_token", "refresh_token", user.field("refresh_token")),
        null);
    assertEquals(200, refreshed.status());
  }

  @Pact(consumer = "lms-integration")
  V4Pact wrongPassword(PactDslWithProvider builder) {
    return builder
        .given("the client and its user exist")
        .uponReceiving("a password-grant token request with a wrong password")
        .path("/v1/auth/token").method("POST")
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody()
            .valueFromProviderState("client_id", "${clientId}", CLIENT_ID)
            .valueFromProviderState("client_secret", "${clientSecret}", CLIENT_SECRET)
            .stringValue("grant_type", "password")
            .valueFromProviderState("username", "${userEmail}", USER_EMAIL)
            .stringValue("password", "not-the-password"))
        .willRespondWith().status(400)
        .body(new PactDslJsonBody()
            .stringValue("error", "invalid_grant")
            .stringValue("error_description", "Invalid credentials"))
        .toPact(V4Pact.class);
  }

  /** The guide's FAQ quotes this answer word for word. */
  @Test
  @PactTestFor(pactMethod = "wrongPassword")
  void aWrongPasswordIsInvalidGrant(MockServer server) {
    IntegratorHttp.Answer answer = new IntegratorHttp(server.getUrl()).post("/v1/auth/token", Map.of(
        "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "grant_type", "password",
        "username", USER_EMAIL, "password", "not-the-password"), null);
    assertEquals(400, answer.status());
    assertEquals("invalid_grant", answer.field("error"));
  }

  @Pact(consumer = "lms-integration")
  V4Pact users(PactDslWithProvider builder) {
    return asClient(builder
        .given("the client and its user exist")
        .uponReceiving("a new user, created with the client token")
        .path("/v1/users").method("POST"))
        .headers("Content-Type", "application/json")
        .body(new PactDslJsonBody()
            .valueFromProviderState("email", "${newUserEmail}", "some-email@example.com")
            .stringValue("password", "gmi28abc")
            .stringValue("username", "Some Username Here")
            .stringValue("phone", "+79671234567"))
        .willRespondWith().status(201).body(idOnly(USER_ID))
        .given("the client and its user exist")
        .uponReceiving("the user's own profile")
        .path("/v1/users/me").method("GET")
        .headerFromProviderState("Authorization", "Bearer ${userToken}", "Bearer " + USER_TOKEN)
        .willRespondWith().status(200)
        .body(new PactDslJsonBody()
            .stringMatcher("id", ID, USER_ID)
            .valueFromProviderState("email", "${userEmail}", USER_EMAIL)
            .stringType("username", "Some Username Here"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "users")
  void theLmsRegistersItsTeachersAsUsers(MockServer server) {
    IntegratorHttp http = new IntegratorHttp(server.getUrl());
    IntegratorHttp.Answer created = http.post("/v1/users", Map.of("email", "some-email@example.com",
        "password", "gmi28abc", "username", "Some Username Here", "phone", "+79671234567"), CLIENT_TOKEN);
    assertTrue(created.field("id").matches(ID));
    assertEquals(USER_EMAIL, http.get("/v1/users/me", USER_TOKEN).field("email"));
  }
}
