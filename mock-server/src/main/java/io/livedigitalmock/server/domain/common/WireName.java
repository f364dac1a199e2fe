package io.livedigitalmock.server.domain.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum whose constants travel over the API under a fixed name ({@code role_space_user}, {@code lesson}). */
public interface WireName {

  String wire();

  /** The constant named {@code value}, or a 400 naming the field and the allowed values. */
  static <E extends Enum<E> & WireName> E parse(Class<E> type, String field, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(value)) {
        return e;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants()).map(WireName::wire)
        .collect(Collectors.joining(", "));
    throw ApiError.badRequest(field + " must be one of: " + allowed);
  }

  /**
   * The constant named {@code value}; null when absent; {@code fallback} for a value the mock does
   * not know. For values of the emulated API: a refusal needs a source, so an unknown value is taken
   * as the least the field can mean (each use is listed in the fidelity ledger).
   */
  static <E extends Enum<E> & WireName> E parseOr(Class<E> type, String value, E fallback) {
    if (value == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(value)) {
        return e;
      }
    }
    return fallback;
  }
}
