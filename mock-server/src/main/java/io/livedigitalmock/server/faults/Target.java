package io.livedigitalmock.server.faults;

/**
 * What a rule watches: one API operation (by its operationId), every API operation ({@code *}),
 * the webhook deliveries of the tenant, or the recordings it starts.
 */
public record Target(Kind kind, String operationId) {

  public enum Kind { API, WEBHOOKS, RECORDINGS }

  public static final String ANY_OPERATION = "*";
  public static final Target WEBHOOKS = new Target(Kind.WEBHOOKS, null);
  public static final Target RECORDINGS = new Target(Kind.RECORDINGS, null);

  public static Target operation(String operationId) {
    return new Target(Kind.API, operationId);
  }

  public boolean isApi() {
    return kind == Kind.API;
  }

  /** True for a rule that watches {@code operationId} (itself or through {@code *}). */
  boolean covers(String operation) {
    return kind == Kind.API && (operationId.equals(ANY_OPERATION) || operationId.equals(operation));
  }

  @Override
  public String toString() {
    return switch (kind) {
      case API -> operationId;
      case WEBHOOKS -> "webhooks";
      case RECORDINGS -> "recordings";
    };
  }
}
