package io.livedigitalmock.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes on a socket, for requests no HTTP client library would send (no Host, bad escapes, broken
 * request lines, half a body). The request should ask for {@code Connection: close}: the answer is read
 * until the server closes the connection or {@code readTimeoutMillis} pass.
 */
public final class RawHttp {

  private RawHttp() {
  }

  /** What came back: status 0 when nothing did before the connection closed or the read timed out. */
  public record Answer(int status, Map<String, String> headers, String body, boolean timedOut, boolean closed) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** An error answer in the mock's shape: JSON with statusCode, error and message. */
    public boolean isJsonError() {
      String type = header("content-type");
      return type != null && type.startsWith("application/json") && body.contains("\"statusCode\":" + status)
          && body.contains("\"error\":") && body.contains("\"message\":");
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)
          + (timedOut ? " (timed out)" : "");
    }
  }

  public static Answer send(int port, String request, int readTimeoutMillis) throws IOException {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1), readTimeoutMillis);
  }

  public static Answer send(int port, byte[] request, int readTimeoutMillis) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(readTimeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (java.net.SocketException closedWhileSending) {
        // the server answered and closed before taking it all (e.g. a body over the limit): read the answer
      }
      return read(socket.getInputStream());
    }
  }

  /** Reads an answer from a connection the caller keeps writing to (or not). */
  public static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean timedOut = false;
    boolean closed = false;
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        received.write(buffer, 0, n);
      }
      closed = true;
    } catch (SocketTimeoutException e) {
      timedOut = true;
    } catch (java.net.SocketException reset) {
      closed = true;
    }
    return parse(received.toString(StandardCharsets.UTF_8), timedOut, closed);
  }

  private static Answer parse(String text, boolean timedOut, boolean closed) {
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/") || end < 0) {
      return new Answer(0, Map.of(), text, timedOut, closed);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    String body = text.substring(end + 4);
    String length = headers.get("content-length");
    if (length != null && Integer.parseInt(length) <= body.length()) {
      body = body.substring(0, Integer.parseInt(length));
    }
    return new Answer(status, headers, body, timedOut, closed);
  }
}
