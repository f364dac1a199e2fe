package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.Caller;

/** A request's bearer token, resolved: which tenant it belongs to and who it speaks for. */
public record Authenticated(Tenant tenant, Caller caller) {
}
