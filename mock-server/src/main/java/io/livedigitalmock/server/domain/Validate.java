package io.livedigitalmock.server.domain;

import java.util.regex.Pattern;

/** Value rules shared by the areas; each failure is a 400 that names the field. */
final class Validate {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  static final int MAX_TEXT = 1000;

  private Validate() {
  }

  static String notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiError.badRequest(field + " must not be empty");
    }
    if (value.length() > MAX_TEXT) {
      throw ApiError.badRequest(field + " must be at most " + MAX_TEXT + " characters");
    }
    return value;
  }

  static String optional(String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw ApiError.badRequest(field + " must be at most " + MAX_TEXT + " characters");
    }
    return value;
  }

  static String email(String value) {
    notBlank("email", value);
    if (!EMAIL.matcher(value.trim()).matches()) {
      throw ApiError.badRequest("email must be an email address");
    }
    return value;
  }
}
