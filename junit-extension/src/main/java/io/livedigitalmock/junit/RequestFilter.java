package io.livedigitalmock.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which journal entries to list or wait for; a criterion left out matches anything. Immutable:
 * {@code RequestFilter.operation("createRoom").withStatus("5xx")}.
 */
public final class RequestFilter {

  private static final RequestFilter ANY = new RequestFilter(Map.of());

  private final Map<String, String> criteria;

  private RequestFilter(Map<String, String> criteria) {
    this.criteria = Map.copyOf(criteria);
  }

  public static RequestFilter any() {
    return ANY;
  }

  /** Requests to one operation: its operationId or {@code "POST /v1/spaces/{spaceId}/rooms"}. */
  public static RequestFilter operation(String operation) {
    return ANY.with("operation", operation);
  }

  public RequestFilter withMethod(String method) {
    return with("method", method);
  }

  /** The path, {@code *} standing for any run of characters: {@code /v1/spaces/*}. */
  public RequestFilter withPath(String pathPattern) {
    return with("path", pathPattern);
  }

  /** A status ({@code "503"}) or a class ({@code "5xx"}). */
  public RequestFilter withStatus(String status) {
    return with("status", status);
  }

  /** Only requests a fault rule fired on (true) or none did (false). */
  public RequestFilter faulted(boolean faulted) {
    return with("faulted", Boolean.toString(faulted));
  }

  /** Only requests after the entry with this {@link RecordedRequest#seq()}. */
  public RequestFilter after(long seq) {
    return with("after", Long.toString(seq));
  }

  private RequestFilter with(String key, String value) {
    Map<String, String> next = new LinkedHashMap<>(criteria);
    next.put(key, Objects.requireNonNull(value, key));
    return new RequestFilter(next);
  }

  Map<String, String> criteria() {
    return criteria;
  }

  Long afterSeq() {
    String after = criteria.get("after");
    return after == null ? null : Long.valueOf(after);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestFilter f && criteria.equals(f.criteria);
  }

  @Override
  public int hashCode() {
    return criteria.hashCode();
  }

  @Override
  public String toString() {
    return criteria.isEmpty() ? "any request" : criteria.toString();
  }
}
