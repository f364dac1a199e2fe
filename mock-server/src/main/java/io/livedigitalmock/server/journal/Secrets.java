package io.livedigitalmock.server.journal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks what the journal must not show: tokens and credentials. The journal can end up in a CI log
 * (a failed verification prints it), so {@code Authorization} and {@code Cookie} values, and the
 * {@code client_secret}, {@code password} and {@code refresh_token} of bodies (JSON or form), read
 * {@code ***}; the rest of the text stays as sent.
 */
public final class Secrets {

  public static final String MASK = "***";

  private static final Pattern JSON_SECRET =
      Pattern.compile("(\"(?:client_secret|password|refresh_token)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
  private static final Pattern FORM_SECRET =
      Pattern.compile("(^|&)(client_secret|password|refresh_token)=([^&]*)");
  private static final Pattern COOKIE_VALUE = Pattern.compile("([^=;\\s]+)=([^;]*)");

  private Secrets() {
  }

  public static String maskHeader(String name, String value) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "authorization", "proxy-authorization" -> {
        int space = value.indexOf(' ');
        yield space > 0 ? value.substring(0, space) + " " + MASK : MASK;
      }
      case "cookie" -> COOKIE_VALUE.matcher(value).replaceAll("$1=" + MASK);
      default -> value;
    };
  }

  public static String maskBody(String body) {
    if (body.isEmpty()) {
      return body;
    }
    String masked = JSON_SECRET.matcher(body).replaceAll("$1" + MASK + "$3");
    return FORM_SECRET.matcher(masked).replaceAll("$1$2=" + MASK);
  }
}
