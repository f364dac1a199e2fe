package io.livedigitalmock.junit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Builds control-plane paths from ids and query parameters, escaped. */
final class Paths {

  private Paths() {
  }

  static String segment(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an id must not be empty");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code ?a=1&b=2} of the non-null entries, or "" when there are none. */
  static String query(Map<String, ?> params) {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    params.forEach((k, v) -> {
      if (v != null) {
        q.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
      }
    });
    return q.toString();
  }
}
