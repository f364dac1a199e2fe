package io.livedigitalmock.server.webhooks;

import io.livedigitalmock.server.domain.auth.UrlSigner;

/**
 * The guide's signature, {@code crypto.createHmac('sha256', secret).update(JSON.stringify(body),
 * 'utf8').digest('hex')}: lowercase hex HMAC-SHA256, keyed by the webhook secret, over the UTF-8 of
 * the body as Node writes it.
 */
public final class WebhookSigner {

  private WebhookSigner() {
  }

  public static String sign(String secret, String stringifiedBody) {
    return new UrlSigner(secret).sign(stringifiedBody);
  }
}
