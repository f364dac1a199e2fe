package io.livedigitalmock.server.domain.calls;

/** Who a simulated participant is (control plane): only {@code name} is required. */
public record JoinRequest(String name, String role, String email, String phone,
                          String externalUserId, String externalMeetingId) {
}
