package io.livedigitalmock.pact;

import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.Seeding;
import java.util.Map;

/** States on the mock, through the test's {@link Livedigital} handle: its tenant, its tokens, its seeding. */
final class MockBackend implements StateBackend {

  private final Livedigital mock;
  private final PublicApi api;

  MockBackend(Livedigital mock) {
    this.mock = mock;
    this.api = new PublicApi(mock.baseUrl());
  }

  @Override
  public String clientId() {
    return mock.clientId();
  }

  @Override
  public String clientSecret() {
    return mock.clientSecret();
  }

  @Override
  public String userId() {
    return mock.userId();
  }

  @Override
  public String userEmail() {
    return mock.userEmail();
  }

  @Override
  public String userPassword() {
    return mock.userPassword();
  }

  @Override
  public String clientToken() {
    return mock.clientToken();
  }

  @Override
  public String userToken() {
    return mock.userToken();
  }

  @Override
  public PublicApi api() {
    return api;
  }

  @Override
  public String createUser(String email, String password, String username) {
    return mock.seed().createUser(email, password, username);
  }

  @Override
  public String createSpace(Map<String, Object> fields) {
    return mock.seed().createSpace(fields);
  }

  @Override
  public Room createRoom(String spaceId, Map<String, Object> fields) {
    Seeding.Room room = mock.seed().createRoom(spaceId, fields);
    return new Room(room.id(), room.alias(), room.channelId());
  }

  @Override
  public Webhook registerWebhook(String spaceId, String url) {
    Seeding.Webhook hook = mock.seed().registerWebhook(spaceId, url);
    return new Webhook(hook.url(), hook.secret());
  }

  @Override
  public Livedigital mock() {
    return mock;
  }
}
