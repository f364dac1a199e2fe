package io.livedigitalmock.server.journal;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which journal entries a reader wants; a null field matches anything. {@code path} may hold
 * {@code *} for any run of characters; {@code status} is a number or a class such as {@code 5xx}.
 */
public record RequestFilter(String operationId, String method, String path, String status, Boolean knownRoute,
                            Boolean faulted, Boolean fromHandle) implements Predicate<RecordedRequest> {

  public static final RequestFilter ANY = new RequestFilter(null, null, null, null, null, null, null);

  @Override
  public boolean test(RecordedRequest r) {
    return (operationId == null || operationId.equals(r.operationId()))
        && (method == null || method.equalsIgnoreCase(r.method()))
        && (path == null || pathPattern().matcher(r.path()).matches())
        && (status == null || statusMatches(r.status()))
        && (knownRoute == null || knownRoute == r.knownRoute())
        && (faulted == null || faulted == (r.fault() != null))
        && (fromHandle == null || fromHandle == r.fromHandle());
  }

  private Pattern pathPattern() {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  private boolean statusMatches(int actual) {
    if (status.length() == 3 && status.endsWith("xx")) {
      return actual / 100 == status.charAt(0) - '0';
    }
    return status.equals(Integer.toString(actual));
  }

  /** {@code status} must be a status (100-599) or a class {@code 1xx}..{@code 5xx}. */
  public static boolean validStatus(String status) {
    return status.matches("[1-5]xx|[1-5][0-9][0-9]");
  }
}
