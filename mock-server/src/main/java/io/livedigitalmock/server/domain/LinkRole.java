package io.livedigitalmock.server.domain;

/** The role an access link gives its unregistered holder [guide: generateAccess]. */
public enum LinkRole implements WireName {
  USER("user"),
  MODERATOR("moderator");

  private final String wire;

  LinkRole(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
