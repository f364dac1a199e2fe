package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.rooms.Plan;

/**
 * What a tenant is made from: an OAuth client and the one user it starts with. Kept, so that a reset
 * recreates the tenant exactly as it was born (same credentials, same user id).
 */
public record TenantSpec(String clientId, String clientSecret, String userEmail, String userPassword,
                         String userName, Plan plan) {
}
