package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The tenant itself: reset, personal tokens, and the access links the mock generated ("sent"). */
public final class TenantControl {

  /** A personal token as minted: {@code token} is the bearer value; it never expires. */
  public record PersonalToken(String id, String token, String userId, Instant createdAt) {
  }

  /** An access link the tenant generated, with how often it was opened and whether it still works. */
  public record AccessLink(String id, String url, String accessToken, String spaceId, String roomId,
                           String username, String role, String externalUserId, String externalMeetingId,
                           int opens, boolean usable, boolean permanent, Instant expiresAt) {
  }

  private final Livedigital mock;

  TenantControl(Livedigital mock) {
    this.mock = mock;
  }

  /**
   * Back to the tenant's initial state now (the extension does this between tests by itself): data,
   * clock and delivery log go, credentials, the user's id and its tokens stay; seed data is created again.
   */
  public void reset() {
    mock.restoreBaseline();
    mock.beginTest();
  }

  /** A personal token of the tenant's user. */
  public PersonalToken mintPersonalToken() {
    return mintPersonalToken(null);
  }

  /** A personal token acting as {@code userId} (a user of this tenant). */
  public PersonalToken mintPersonalToken(String userId) {
    var body = JsonHttp.object();
    if (userId != null) {
      body.put("userId", userId);
    }
    JsonNode t = mock.http().post(mock.tenantPath() + "/personal-tokens", body, null);
    return new PersonalToken(JsonHttp.text(t, "id"), JsonHttp.text(t, "token"), JsonHttp.text(t, "userId"),
        JsonHttp.instant(t, "createdAt"));
  }

  /** Revokes it: requests with it get 401 from now on. */
  public void revokePersonalToken(String tokenId) {
    mock.http().delete(mock.tenantPath() + "/personal-tokens/" + Paths.segment(tokenId), null);
  }

  /** Every access link generated in this tenant, oldest first. */
  public List<AccessLink> links() {
    JsonNode page = mock.http().get(mock.tenantPath() + "/links", null);
    List<AccessLink> links = new ArrayList<>();
    for (JsonNode l : page.path("items")) {
      links.add(new AccessLink(JsonHttp.text(l, "id"), JsonHttp.text(l, "url"), JsonHttp.text(l, "accessToken"),
          JsonHttp.text(l, "spaceId"), JsonHttp.text(l, "roomId"), JsonHttp.text(l, "username"),
          JsonHttp.text(l, "role"), JsonHttp.text(l, "externalUserId"), JsonHttp.text(l, "externalMeetingId"),
          l.path("opens").asInt(), l.path("usable").asBoolean(), l.path("isPermanent").asBoolean(),
          JsonHttp.instant(l, "expiresAt")));
    }
    return List.copyOf(links);
  }
}
