package io.livedigitalmock.server.domain.common;

import java.util.regex.Pattern;

/** Value rules shared by the areas; each failure is a 400 that names the field. */
public final class Validate {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  public static final int MAX_TEXT = 1000;

  private Validate() {
  }

  public static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiError.badRequest(field + " must not be empty");
    }
    if (value.length() > MAX_TEXT) {
      throw ApiError.badRequest(field + " must be at most " + MAX_TEXT + " characters");
    }
    return value;
  }

  public static String optional(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw ApiError.badRequest(field + " must be at most " + MAX_TEXT + " characters");
    }
    return value;
  }

  public static String email(String value) {
    notBlank("email", value);
    if (!EMAIL.matcher(value.trim()).matches()) {
      throw ApiError.badRequest("email must be an email address");
    }
    return value;
  }
}
