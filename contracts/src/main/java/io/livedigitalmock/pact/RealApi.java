package io.livedigitalmock.pact;

import com.fasterxml.jackson.databind.JsonNode;
import io.livedigitalmock.junit.Livedigital;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A live livedigital host and the credentials of an integration on it: an OAuth client and one
 * registered user (the guide's setup). Provider states are then made through the public API only,
 * as that user; the spaces they make are deleted by {@link #deleteCreatedSpaces()}. Tokens are fetched
 * once and reused.
 *
 * <p>Configured by environment variables (or JUnit configuration parameters / system properties of
 * the same meaning, see {@link #from(UnaryOperator)}): {@value #BASE_URL}, {@value #CLIENT_ID},
 * {@value #CLIENT_SECRET}, {@value #USER_EMAIL}, {@value #USER_PASSWORD}.
 */
public final class RealApi implements StateBackend {

  public static final String BASE_URL = "LIVEDIGITAL_BASE_URL";
  public static final String CLIENT_ID = "LIVEDIGITAL_CLIENT_ID";
  public static final String CLIENT_SECRET = "LIVEDIGITAL_CLIENT_SECRET";
  public static final String USER_EMAIL = "LIVEDIGITAL_USER_EMAIL";
  public static final String USER_PASSWORD = "LIVEDIGITAL_USER_PASSWORD";
  private static final List<String> SETTINGS = List.of(BASE_URL, CLIENT_ID, CLIENT_SECRET, USER_EMAIL,
      USER_PASSWORD);

  private final String baseUrl;
  private final String clientId;
  private final String clientSecret;
  private final String userEmail;
  private final String userPassword;
  private final PublicApi api;
  private final List<String> createdSpaces = new ArrayList<>();
  private String clientToken;
  private String userToken;
  private String userId;

  public RealApi(String baseUrl, String clientId, String clientSecret, String userEmail, String userPassword) {
    this.baseUrl = baseUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.userEmail = userEmail;
    this.userPassword = userPassword;
    this.api = new PublicApi(baseUrl);
  }

  /** From the environment variables; empty when {@value #BASE_URL} is not set. */
  public static Optional<RealApi> fromEnvironment() {
    return from(System::getenv);
  }

  /**
   * From {@code settings} (given each variable's name, e.g. {@value #BASE_URL}); empty when the base URL
   * is not set.
   *
   * @throws IllegalStateException when the base URL is set but a credential is missing
   */
  public static Optional<RealApi> from(UnaryOperator<String> settings) {
    String base = settings.apply(BASE_URL);
    if (base == null || base.isBlank()) {
      return Optional.empty();
    }
    List<String> missing = SETTINGS.stream().filter(s -> blank(settings.apply(s))).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(BASE_URL + " is set but " + String.join(", ", missing) + " not");
    }
    return Optional.of(new RealApi(base.trim(), settings.apply(CLIENT_ID), settings.apply(CLIENT_SECRET),
        settings.apply(USER_EMAIL), settings.apply(USER_PASSWORD)));
  }

  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public String clientSecret() {
    return clientSecret;
  }

  @Override
  public synchronized String userId() {
    if (userId == null) {
      userId = api.get("/v1/users/me", userToken()).path("id").asText();
    }
    return userId;
  }

  @Override
  public String userEmail() {
    return userEmail;
  }

  @Override
  public String userPassword() {
    return userPassword;
  }

  @Override
  public synchronized String clientToken() {
    if (clientToken == null) {
      clientToken = api.token(Map.of("grant_type", "client_credentials", "client_id", clientId,
          "client_secret", clientSecret)).path("access_token").asText();
    }
    return clientToken;
  }

  @Override
  public synchronized String userToken() {
    if (userToken == null) {
      userToken = api.token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", clientSecret,
          "username", userEmail, "password", userPassword)).path("access_token").asText();
    }
    return userToken;
  }

  @Override
  public PublicApi api() {
    return api;
  }

  @Override
  public String createUser(String email, String password, String username) {
    return api.post("/v1/users", Map.of("email", email, "password", password, "username", username),
        clientToken()).path("id").asText();
  }

  @Override
  public synchronized String createSpace(Map<String, Object> fields) {
    String id = api.post("/v1/spaces", fields, userToken()).path("id").asText();
    createdSpaces.add(id);
    return id;
  }

  @Override
  public Room createRoom(String spaceId, Map<String, Object> fields) {
    JsonNode room = api.post("/v1/spaces/" + spaceId + "/rooms", fields, userToken());
    return new Room(room.path("id").asText(), room.path("alias").asText(), room.path("channelId").asText());
  }

  @Override
  public Webhook registerWebhook(String spaceId, String url) {
    JsonNode hook = api.post("/v1/spaces/" + spaceId + "/webhook", Map.of("url", url), userToken());
    return new Webhook(hook.path("url").asText(), hook.path("secret").asText());
  }

  @Override
  public Livedigital mock() {
    return null;
  }

  /**
   * Deletes the spaces the states made (their rooms, invites and webhooks go with them); answers the
   * ids it could not delete. Users made by states stay: the API has no way to delete a user.
   */
  public synchronized List<String> deleteCreatedSpaces() {
    List<String> left = new ArrayList<>();
    for (String id : createdSpaces) {
      try {
        api.delete("/v1/spaces/" + id, userToken());
      } catch (IllegalStateException e) {
        left.add(id);
      }
    }
    createdSpaces.clear();
    return left;
  }

  @Override
  public String toString() {
    return "RealApi[" + baseUrl + ", client " + clientId + ", user " + userEmail + "]";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
