package io.livedigitalmock.server.state;

import io.livedigitalmock.server.domain.auth.TokenClaims;
import io.livedigitalmock.server.domain.auth.TokenCodec;
import io.livedigitalmock.server.domain.auth.UrlSigner;
import java.util.function.Function;

/**
 * The key tokens and download links are signed with, which a restored state brings along so that
 * what was issued before keeps working: the tokens' codec goes through here. A key given with
 * {@code --jwt-secret} is the user's: it stays, and state files do not carry it.
 */
public final class JwtKey implements TokenCodec {

  private final boolean given;
  private final Function<String, TokenCodec> codecFor;
  private final UrlSigner signer;
  private volatile String secret;
  private volatile TokenCodec codec;

  /** {@code given}: from {@code --jwt-secret}; {@code codecFor}: the codec signing with a key. */
  public JwtKey(String secret, boolean given, Function<String, TokenCodec> codecFor, UrlSigner signer) {
    this.given = given;
    this.codecFor = codecFor;
    this.signer = signer;
    this.secret = secret;
    this.codec = codecFor.apply(secret);
  }

  /** What a state file holds of the key: the key, or null when {@code --jwt-secret} gave it. */
  public String forStateFile() {
    return given ? null : secret;
  }

  /** Signs with a restored state's key from now on (unless {@code --jwt-secret} gave one, or it has none). */
  public void adopt(String saved) {
    if (given || saved == null || saved.equals(secret)) {
      return;
    }
    signer.rekey(saved);   // first: it refuses a key it cannot use, before the codec changes
    codec = codecFor.apply(saved);
    secret = saved;
  }

  @Override
  public String encode(TokenClaims claims) {
    return codec.encode(claims);
  }

  @Override
  public TokenClaims decode(String token) {
    return codec.decode(token);
  }
}
