package io.livedigitalmock.server.http;

import io.livedigitalmock.server.domain.common.ApiError;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Typed query parameters; a malformed one is a 400 naming it. */
final class QueryParams {

  private QueryParams() {
  }

  static String required(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isBlank()) {
      throw ApiError.badRequest("query parameter " + name + " is required");
    }
    return v;
  }

  /** An ISO-8601 instant ({@code 2023-08-01T12:25:40.253Z}) or a date, taken at the start of its day (UTC). */
  static Instant instant(RoutingContext ctx, String name, boolean endOfDay) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException notInstant) {
      LocalDate day = date(name, v);
      try {
        return endOfDay ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
            : day.atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeException | ArithmeticException beyondTheCalendar) {
        throw outOfRange(name);
      }
    }
  }

  /** The UTC day of an ISO-8601 instant or date, as analyticsCalls takes {@code date} [guide]. */
  static LocalDate day(RoutingContext ctx, String name) {
    String v = required(ctx, name);
    Instant instant;
    try {
      instant = Instant.parse(v);
    } catch (DateTimeParseException notInstant) {
      return date(name, v);
    }
    try {
      return instant.atZone(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeException beyondTheCalendar) {
      // Instant reaches a billion years, LocalDate a little less
      throw outOfRange(name);
    }
  }

  private static ApiError outOfRange(String name) {
    return ApiError.badRequest("query parameter " + name + " is out of the calendar's range");
  }

  static Integer integer(RoutingContext ctx, String name, int min) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min) {
        throw ApiError.badRequest("query parameter " + name + " must be at least " + min);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("query parameter " + name + " must be a whole number");
    }
  }

  private static LocalDate date(String name, String v) {
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("query parameter " + name
          + " must be an ISO-8601 date or instant, e.g. 2023-08-01 or 2023-08-01T12:25:40.253Z");
    }
  }
}
