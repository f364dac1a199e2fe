package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.User;
import io.livedigitalmock.server.domain.rooms.Plan;

/**
 * What the public livedigital SDK example apps expect to find on the real service, so that they run
 * against the mock unchanged [sdk]: the client credentials hard-coded in every Android sample and the
 * older iOS examples, the space and room ids hard-coded in the Android samples and the first iOS
 * example, and the room alias the alias-based examples open by default. The user is the mock's own:
 * the apps never log in as one.
 */
public final class SdkExampleTenant {

  public static final TenantSpec SPEC = new TenantSpec("moodhood-demo", "demo12345abcde6789zxcvDemo",
      "sdk-examples@example.com", "sdk-examples-password", "SDK examples", Plan.PRO);

  /** Android samples (example/, conference-xml, conference-compose); the alias of the iOS and Android alias flows. */
  public static final String ANDROID_SPACE_ID = "612dbb98b2f9d4a99f18f553";
  public static final String ANDROID_ROOM_ID = "61554214ae218a31f78e8bc8";
  public static final String ROOM_ALIAS = "q3_5V3uwik";

  /** The first iOS example (fixed ids). */
  public static final String IOS_SPACE_ID = "6144806aac512ee6cd29be10";
  public static final String IOS_ROOM_ID = "66cbf30dd3522636cfeb77cb";
  public static final String IOS_ROOM_ALIAS = "iosExample";

  private SdkExampleTenant() {
  }

  /** Creates the apps' spaces and rooms in a fresh backend of the tenant, owned by its user. */
  static void furnish(TenantBackend backend, User owner) {
    backend.spaces().fixture(ANDROID_SPACE_ID, owner.id(), "SDK examples");
    backend.rooms().fixture(ANDROID_ROOM_ID, ROOM_ALIAS, ANDROID_SPACE_ID, owner.id(), "SDK example room");
    backend.spaces().fixture(IOS_SPACE_ID, owner.id(), "SDK examples (iOS)");
    backend.rooms().fixture(IOS_ROOM_ID, IOS_ROOM_ALIAS, IOS_SPACE_ID, owner.id(), "SDK example room (iOS)");
  }
}
