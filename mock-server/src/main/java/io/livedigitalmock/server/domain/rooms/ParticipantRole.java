package io.livedigitalmock.server.domain.rooms;

import io.livedigitalmock.server.domain.common.Validate;

/**
 * The role a participant has in a call, as the client sent it. {@code user}, {@code moderator} and
 * {@code owner} are the mock's own names; the SDK example apps send {@code host} [sdk], and any other
 * value is kept as sent [assumed: no source says the real API refuses one]. What the mock derives from
 * a role (moderators start auto-recording) comes from {@link #moderates()}, which for a value the mock
 * does not know is what the participant's rights allow.
 */
public record ParticipantRole(String wire, boolean moderates) {

  public static final ParticipantRole USER = new ParticipantRole("user", false);
  public static final ParticipantRole MODERATOR = new ParticipantRole("moderator", true);
  public static final ParticipantRole OWNER = new ParticipantRole("owner", true);

  public ParticipantRole {
    Validate.notBlank("role", wire);
  }

  /** One of the known roles by name, or null. */
  public static ParticipantRole known(String wire) {
    return switch (wire == null ? "" : wire) {
      case "user" -> USER;
      case "moderator" -> MODERATOR;
      case "owner" -> OWNER;
      default -> null;
    };
  }

  /** The role named {@code wire}: a known one, else kept as sent without moderation; null if none. */
  public static ParticipantRole of(String wire) {
    if (wire == null) {
      return null;
    }
    ParticipantRole known = known(wire);
    return known != null ? known : new ParticipantRole(wire, false);
  }

  /**
   * The role a participant gets when the client asks for {@code requested} (null: nothing asked)
   * and its rights allow {@code allowed}: a known role never above the rights (asking for less is
   * fine); an unknown one kept as sent, with the rights' moderation.
   */
  public static ParticipantRole granted(String requested, ParticipantRole allowed) {
    if (requested == null) {
      return allowed;
    }
    ParticipantRole known = known(requested);
    if (known == null) {
      return new ParticipantRole(requested, allowed.moderates());
    }
    return rank(known) < rank(allowed) ? known : allowed;
  }

  private static int rank(ParticipantRole role) {
    return role.equals(OWNER) ? 2 : role.moderates() ? 1 : 0;
  }
}
