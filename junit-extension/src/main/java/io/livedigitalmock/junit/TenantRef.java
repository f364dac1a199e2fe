package io.livedigitalmock.junit;

/**
 * One tenant on a shared server, as the mock created it: its credentials, its first user, and how to
 * put it back to its initial state (the domain call in-process, the control plane in a container).
 */
final class TenantRef {

  final String clientId;
  final String clientSecret;
  final String clientObjectId;
  final String plan;
  final String userId;
  final String userEmail;
  final String userPassword;
  final String userName;
  private final Runnable reset;

  TenantRef(String clientId, String clientSecret, String clientObjectId, String plan, String userId,
            String userEmail, String userPassword, String userName, Runnable reset) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clientObjectId = clientObjectId;
    this.plan = plan;
    this.userId = userId;
    this.userEmail = userEmail;
    this.userPassword = userPassword;
    this.userName = userName;
    this.reset = reset;
  }

  void reset() {
    reset.run();
  }
}
