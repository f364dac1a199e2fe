package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The mock the extension starts requires a control token of its own, which the handle sends: nothing
 * else on the machine (another process, a web page) can reset it or read its secrets.
 */
@LivedigitalMock
class ControlTokenTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void theControlPlaneNeedsTheTokenTheHandleSends(Livedigital mock) throws Exception {
    assertNotNull(mock.controlToken());
    assertEquals(401, status(mock, "/_mock/tenants", null));
    assertEquals(200, status(mock, "/_mock/tenants", mock.controlToken()));
    assertEquals(200, status(mock, "/_mock/health", null));

    String roomId = mock.seed().createRoom(mock.seed().createSpace("s"), "r").id();
    mock.simulate().leave(mock.simulate().join(roomId, "Ann"));
    mock.tenant().reset();
  }

  private int status(Livedigital mock, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
