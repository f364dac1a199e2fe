package io.livedigitalmock.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livedigitalmock.server.MockConfig;
import io.livedigitalmock.server.MockServer;
import io.livedigitalmock.server.support.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client has {@code --request-timeout} to send a whole request; half-sent requests and idle
 * connections do not hold the server's connections for ever. Answering may take longer (long-polls).
 */
class RequestTimeoutsTest {

  /** Long enough for a slow CI machine to send a whole request, short enough to wait for in a test. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  /** How long the socket waits for the server to act: the timeout plus a wide margin. */
  private static final int READ_WAIT_MILLIS = 10_000;

  private static MockServer server;

  @BeforeAll
  static void start() {
    server = MockServer.start(MockConfig.parse(new String[] {"--port", "0", "--request-timeout", "1"}, Map.of()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void halfARequestsHeadersIsClosedAfterTheTimeout() throws IOException {
    long started = System.nanoTime();
    RawHttp.Answer answer = RawHttp.send(server.port(), "GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow:",
        READ_WAIT_MILLIS);
    assertTrue(answer.closed(), "closed, not left hanging: " + answer);
    assertEquals(0, answer.status(), "no answer is possible before a request exists: " + answer);
    assertTrue(elapsed(started).compareTo(REQUEST_TIMEOUT) >= 0, "not before the timeout");
  }

  @Test
  void aBodyThatStopsComingIs408() throws IOException {
    RawHttp.Answer answer = RawHttp.send(server.port(), "POST /_mock/tenants HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"clientId\":", READ_WAIT_MILLIS);
    assertEquals(408, answer.status(), answer.toString());
    assertTrue(answer.isJsonError(), answer.toString());
    assertTrue(answer.closed(), answer.toString());
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedAfterTheTimeout() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      socket.setSoTimeout(READ_WAIT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write("GET /_mock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      RawHttp.Answer answer = RawHttp.read(in);
      assertEquals(200, answer.status(), answer.toString());
      assertTrue(answer.closed(), "the idle connection was closed after the answer: " + answer);
    }
  }

  @Test
  void answeringMayTakeLongerThanTheRequestTimeout() throws IOException {
    RawHttp.Answer answer = RawHttp.send(server.port(), "GET /_mock/webhooks/deliveries/next?eventName=none&timeoutMs=2500"
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", READ_WAIT_MILLIS);
    assertEquals(404, answer.status(), "the long-poll ran its 2.5 s: " + answer);
    assertTrue(answer.isJsonError(), answer.toString());
  }

  @Test
  void theIdleTimeoutClosesASilentConnection() throws IOException {
    try (MockServer idle = MockServer.start(MockConfig.parse(new String[] {"--port", "0", "--request-timeout", "60",
        "--idle-timeout", "1"}, Map.of()))) {
      RawHttp.Answer answer = RawHttp.send(idle.port(), "", READ_WAIT_MILLIS);
      assertTrue(answer.closed(), answer.toString());
    }
  }

  private static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
