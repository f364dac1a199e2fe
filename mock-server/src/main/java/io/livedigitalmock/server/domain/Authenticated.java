package io.livedigitalmock.server.domain;

/** A request's bearer token, resolved: which tenant it belongs to and who it speaks for. */
public record Authenticated(Tenant tenant, Caller caller) {
}
