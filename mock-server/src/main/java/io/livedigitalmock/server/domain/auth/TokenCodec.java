package io.livedigitalmock.server.domain.auth;

/**
 * Turns claims into a signed token and back. The domain decides what a token says; the codec (a JWT
 * library behind it) decides how it is written and checks that it was signed by this mock.
 */
public interface TokenCodec {

  String encode(TokenClaims claims);

  /**
   * The claims of a token this mock signed.
   *
   * @throws ApiError 401 when the token is malformed, unsigned, signed with another key or algorithm
   */
  TokenClaims decode(String token);
}
