package io.livedigitalmock.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Generated requests over every operation the OpenAPI documents describe (the API, the control plane,
 * the pages, the dashboard): the right
 * method or a wrong one, real ids or junk, good tokens or forged ones, valid bodies with one field
 * broken (wrong types, huge numbers, deep nesting), bad JSON, bad charsets, bad {@code %} escapes,
 * missing or hostile headers, and bytes that are not HTTP at all. Each answer must be below 500, and
 * an error must have the JSON error shape (the room page's forms: an error page), a chunked body whose
 * framing breaks too (ledger S16). Seeded: the same seed sends the same sequence. Everything
 * goes to 127.0.0.1; webhook urls point at the mock's own receiver or at a closed loopback port.
 */
public final class Fuzzer {

  /** What came out of a run: statuses seen, and every answer that broke the rules. */
  public record Result(int requests, long millis, Map<Integer, Integer> statuses, List<String> violations) {
  }

  /** A chunked body whose first chunk size is not hex. */
  private static final String BROKEN_CHUNKS = "Transfer-Encoding: chunked\r\n\r\nzz\r\n\r\n";
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"};
  private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
      "application/json; charset=foo", "text/plain", "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=utf-99", "multipart/form-data; boundary=x", "application/json; charset=",
      "*/*", "application/json; charset=\"utf-16\""};
  private static final String[] RAW_VALUES = {"null", "0", "-1", "1e309", "-1e309", "99999999999999999999999999",
      "-0.0", "1.5", "true", "\"\"", "\"   \"", "[]", "{}", "[1,2]", "{\"a\":{}}", "\"\\u0000\"", "\"\\ud800\"",
      "\"%zz\"", "\"..\"", "9007199254740993", "1E400", "\"2023-13-45\""};
  private static final String[] DATES = {"2024-01-01", "2024-01-01T10:00:00.000Z", "%2B1000000000-01-01T00:00:00Z",
      "-999999999-01-01", "%2B999999999-12-31", "9999-12-31T23:59:59.999Z", "2023-02-30", "x", "%zz", "", "0"};
  private static final String[] JUNK_SEGMENTS = {"0123456789abcdef01234567", "%zz", "%", "%00", "..", "%2e%2e", "x",
      "%C3%28", "\u00e9", "a%2Fb", "-", "%25", "ffffffffffffffffffffffff"};
  /** Paths no document has: unknown routes must be 404s like any other. */
  private static final String[] UNKNOWN = {"GET /v1", "GET /", "GET /v1/nothing/here", "POST /_mock/nothing"};
  /** Every operation the OpenAPI documents describe ({@code contracts/openapi*.yaml}), as "METHOD /path". */
  private static final String[] ROUTES = documentedRoutes();

  private final FuzzWorld.Http http;
  private final int port;
  private final SplittableRandom random;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();
  private FuzzWorld world;

  public Fuzzer(String baseUrl, int port, long seed) {
    this.http = new FuzzWorld.Http(baseUrl);
    this.port = port;
    this.random = new SplittableRandom(seed);
  }

  public Result run(int requests) throws IOException {
    long started = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      if (i % 250 == 0) {
        world = FuzzWorld.make(http);
      }
      String request = next();
      RawHttp.Answer answer = RawHttp.send(port, request.getBytes(StandardCharsets.UTF_8), 10_000);
      statuses.merge(answer.status(), 1, Integer::sum);
      check(request, answer);
    }
    return new Result(requests, (System.nanoTime() - started) / 1_000_000, statuses, violations);
  }

  private void check(String request, RawHttp.Answer answer) {
    String line = request.substring(0, Math.min(160, Math.max(0, request.indexOf('\r') < 0 ? request.length()
        : request.indexOf('\r'))));
    if (answer.status() == 0 || answer.timedOut()) {
      violations.add("no answer: " + line + " -> " + answer);
    } else if (answer.status() >= 500) {
      violations.add("5xx: " + line + " -> " + answer);
    } else if (answer.status() >= 400 && !request.startsWith("HEAD ") && !answer.isJsonError()
        && !isRoomPageErrorPage(request, answer)) {
      violations.add("not the JSON error shape: " + line + " -> " + answer);
    }
  }

  /** The room page answers its forms' errors with a page (the control document's PageError). */
  private static boolean isRoomPageErrorPage(String request, RawHttp.Answer answer) {
    String type = answer.header("content-type");
    return request.substring(request.indexOf(' ') + 1).startsWith("/room/") && type != null
        && type.startsWith("text/html") && answer.body().startsWith("<!DOCTYPE html>");
  }

  // ---- generation ------------------------------------------------------------------------------

  private String next() {
    int kind = random.nextInt(100);
    if (kind < 2) {
      return notHttp();
    }
    String route = kind < 97 ? pick(ROUTES) : pick(UNKNOWN);
    String method = random.nextInt(100) < 85 ? route.substring(0, route.indexOf(' ')) : pick(METHODS);
    String path = fillPath(route.substring(route.indexOf(' ') + 1)) + query(route);
    String text = body(route);
    return request(method, path, text);
  }

  private String request(String method, String path, String body) {
    StringBuilder r = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    int host = random.nextInt(100);
    if (host < 85) {
      r.append("Host: 127.0.0.1:").append(port).append("\r\n");
    } else if (host < 90) {
      r.append("Host: localhost\r\nHost: evil.example\r\n");
    } else if (host < 95) {
      r.append("Host: ").append(pick(new String[] {"evil.example", "", "[::1]", "127.0.0.1.evil.example"})).append("\r\n");
    }   // else: no Host at all
    if (random.nextInt(100) < 70) {
      r.append("Authorization: ").append(authorization()).append("\r\n");
    }
    if (random.nextInt(100) < 10) {
      r.append("Cookie: accessToken=").append(world.tokens.get(random.nextInt(world.tokens.size())))
          .append("; refreshToken=").append(pick(new String[] {world.refreshToken, "x", ""})).append("\r\n");
    }
    if (random.nextInt(100) < 8) {
      r.append("Origin: ").append(pick(new String[] {"http://evil.example", "null", "http://127.0.0.1:" + port})).append("\r\n");
    }
    if (random.nextInt(100) < 10) {
      r.append("X-").append(Integer.toHexString(random.nextInt())).append(": ")
          .append(pick(new String[] {"\u00ff\u00fe", "a".repeat(2000), "", "%zz"})).append("\r\n");
    }
    if (body != null) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      r.append("Content-Type: ").append(random.nextInt(100) < 75 ? "application/json" : pick(CONTENT_TYPES)).append("\r\n");
      // a Content-Length shorter than the body leaves bytes the server must read as a next request
      int length = random.nextInt(100) < 3 ? random.nextInt(bytes.length + 1) : bytes.length;
      r.append("Content-Length: ").append(length).append("\r\n");
    }
    r.append("Connection: close\r\n\r\n");
    if (body != null) {
      r.append(body);
    }
    return r.toString();
  }

  private String notHttp() {
    return pick(new Supplier[] {
        () -> "GARBAGE\r\n\r\n",
        () -> "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        () -> "GET /v1/spaces HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
        () -> "\u0000\u0001 / HTTP/1.1\r\n\r\n",
        () -> "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        () -> "GET / HTTP/1.1\r\nHost: x\r\nX: " + "b".repeat(10_000) + "\r\n\r\n",
        () -> "POST /v1/spaces HTTP/1.1\r\nHost: x\r\n" + BROKEN_CHUNKS,
        () -> "GET /v1/spaces HTTP/1.0\r\n\r\n"}).get().toString();
  }

  private String authorization() {
    int kind = random.nextInt(100);
    if (kind < 70) {
      return "Bearer " + world.tokens.get(random.nextInt(world.tokens.size()));
    }
    return pick(new String[] {"Bearer", "Bearer ", "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=", "Bearer a b c",
        "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA", "Token " + world.ownerToken,
        "\u00e9\u00e9", "Bearer " + "x".repeat(3000)});
  }

  private String fillPath(String template) {
    StringBuilder out = new StringBuilder();
    for (String segment : template.split("/", -1)) {
      if (!out.isEmpty() || !segment.isEmpty()) {
        out.append('/');
      }
      if (segment.startsWith("{")) {
        String name = segment.substring(1, segment.length() - 1);
        out.append(random.nextInt(100) < 80 ? world.id(name, random) : pick(JUNK_SEGMENTS));
      } else {
        out.append(segment);
      }
    }
    return out.isEmpty() ? "/" : out.toString().replace("//", "/");
  }

  private String query(String route) {
    List<String> params = new ArrayList<>();
    if (route.contains("analytics") || random.nextInt(100) < 5) {
      params.add("roomId=" + (random.nextBoolean() ? world.roomId : pick(JUNK_SEGMENTS)));
      params.add("date=" + pick(DATES));
      params.add("callId=" + pick(new String[] {world.roomId, "x", "%zz"}));
      params.add("minParticipantsCount=" + pick(new String[] {"1", "-5", "99999999999", "x"}));
      params.add("format=" + pick(new String[] {"json", "xlsx", "pdf", ""}));
    }
    if (route.contains("next") || route.contains("deliveries") || route.contains("requests")) {
      // waits are kept short: a fuzzer must not sit in long-polls
      params.add("timeoutMs=" + pick(new String[] {"0", "1", "50", "-1", "x", "99999999999999"}));
      params.add("after=" + pick(new String[] {"0", "5", "-1", "x", "99999999999999999999"}));
      params.add("eventName=" + pick(new String[] {"call_started", "%G1", "", "x"}));
      params.add("outcome=" + pick(new String[] {"delivered", "dropped", "x"}));
    }
    if (route.contains("/room/")) {
      params.add("accessToken=" + pick(new String[] {world.linkToken, world.ownerToken, "x", "%zz", ""}));
      params.add("participantName=" + pick(new String[] {"Ann", "%zz", "%C3%A9"}));
    }
    if (route.contains("/media/")) {
      params.add("expires=" + pick(new String[] {"1", "99999999999999999999", "x", "-1"}));
      params.add("signature=" + pick(new String[] {"x", "", "%zz"}));
    }
    if (random.nextInt(100) < 5) {
      params.add(pick(new String[] {"%", "a=%zz", "%G1=1", "=", "&&", "a=" + "q".repeat(3000)}));
    }
    return params.isEmpty() ? "" : "?" + String.join("&", params);
  }

  /** A body: the route's valid sample, one field broken, bad JSON, or no body. */
  private String body(String route) {
    int kind = random.nextInt(100);
    if (kind < 10) {
      return null;
    }
    if (kind < 16) {
      return pick(new String[] {"{\"name\":", "{name:'x'}", "[1,2]", "null", "42", "\"x\"", "{\"a\":1} x", "\u00ff\u00fe{",
          "[".repeat(3000) + "]".repeat(3000), "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}",
          "grant_type=client_credentials&client_id=%zz", "=&=&", "{\"" + "k".repeat(5000) + "\":1}"});
    }
    if (kind < 17) {
      return "{\"name\":\"" + "x".repeat(300_000) + "\"}";
    }
    Map<String, String> sample = world.sample(route, random);
    if (!sample.isEmpty() && kind < 70) {
      List<String> keys = new ArrayList<>(sample.keySet());
      String key = keys.get(random.nextInt(keys.size()));
      if (random.nextInt(4) == 0) {
        sample.remove(key);
      } else {
        sample.put(key, pick(RAW_VALUES));
      }
    }
    StringBuilder json = new StringBuilder("{");
    sample.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return json.append('}').toString();
  }

  /** The full reset is left out: it would take the fuzzer's own tenant away (ControlPlaneTest covers it). */
  private static String[] documentedRoutes() {
    java.util.List<String> routes = new ArrayList<>();
    for (OpenApiContract contract : List.of(OpenApiContract.api(), OpenApiContract.control())) {
      contract.document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
          .forEachRemaining(method -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
              routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
          }));
    }
    routes.remove("POST /_mock/reset");
    return routes.toArray(String[]::new);
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }
}
