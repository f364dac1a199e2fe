package io.livedigitalmock.server.domain.auth;

import io.livedigitalmock.server.domain.common.ApiError;

/**
 * Who sent a request, as established from its bearer token: the OAuth client itself, a registered
 * user, or the unregistered holder of an access link.
 */
public record Caller(Kind kind, String userId, String linkId) {

  public enum Kind { CLIENT, USER, GUEST }

  /** The identity of the OAuth client acting for itself (its users and guests have ids of their own). */
  public static final String CLIENT_IDENTITY = "client";

  public static Caller client() {
    return new Caller(Kind.CLIENT, null, null);
  }

  public static Caller user(String userId) {
    return new Caller(Kind.USER, userId, null);
  }

  public static Caller guest(String guestId, String linkId) {
    return new Caller(Kind.GUEST, guestId, linkId);
  }

  /** Who this is, as participants record their creator: the user's or guest's id, or {@link #CLIENT_IDENTITY}. */
  public String identity() {
    return kind == Kind.CLIENT ? CLIENT_IDENTITY : userId;
  }

  /** The user id, or the documented 403 for anything but a user token [guide FAQ]. */
  public String requireUser() {
    if (kind != Kind.USER) {
      throw ApiError.forbidden(ApiError.USER_TOKEN_REQUIRED);
    }
    return userId;
  }

}
