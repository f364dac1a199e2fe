package io.livedigitalmock.pact;

import io.livedigitalmock.junit.Livedigital;
import java.util.Map;

/**
 * Where provider states are made: the mock (through the {@link Livedigital} handle, so in-process and
 * in a container alike) or the real service (through its public API only). Everything here goes
 * through the public API; {@link #mock()} is the way to the control plane, and exists only on the mock.
 */
interface StateBackend {

  /** A created room: what the states hand on. */
  record Room(String id, String alias, String channelId) {
  }

  /** A registered webhook: where events go and the secret that signs them. */
  record Webhook(String url, String secret) {
  }

  String clientId();

  String clientSecret();

  String userId();

  String userEmail();

  String userPassword();

  String clientToken();

  String userToken();

  /** The public API, for what the methods below do not cover. */
  PublicApi api();

  String createUser(String email, String password, String username);

  String createSpace(Map<String, Object> fields);

  Room createRoom(String spaceId, Map<String, Object> fields);

  Webhook registerWebhook(String spaceId, String url);

  /** The mock's handle, for states the real API cannot make; null on the real API. */
  Livedigital mock();
}
