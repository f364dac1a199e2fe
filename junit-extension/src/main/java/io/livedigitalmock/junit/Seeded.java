package io.livedigitalmock.junit;

import java.util.Map;
import java.util.TreeSet;

/**
 * What the {@link LivedigitalMock#seedData() seed data file} created in this tenant, by the names used
 * in the file: users by email, spaces and rooms by name. The ids stay the same across resets as long as
 * tests do not create data before the seed is re-applied (it is re-applied right after each reset).
 */
public final class Seeded {

  static final Seeded NONE = new Seeded(Map.of(), Map.of(), Map.of());

  private final Map<String, String> users;
  private final Map<String, String> spaces;
  private final Map<String, Seeding.Room> rooms;

  Seeded(Map<String, String> users, Map<String, String> spaces, Map<String, Seeding.Room> rooms) {
    this.users = Map.copyOf(users);
    this.spaces = Map.copyOf(spaces);
    this.rooms = Map.copyOf(rooms);
  }

  /** Id of the seeded user with this email. */
  public String userId(String email) {
    return find(users, email, "user with email");
  }

  /** Id of the seeded space with this name. */
  public String spaceId(String name) {
    return find(spaces, name, "space named");
  }

  /** Id of the seeded room with this name (room names are unique within a seed file). */
  public String roomId(String name) {
    return room(name).id();
  }

  /** The seeded room with this name: id, alias, space. */
  public Seeding.Room room(String name) {
    return find(rooms, name, "room named");
  }

  /** Email to id. */
  public Map<String, String> users() {
    return users;
  }

  /** Name to id. */
  public Map<String, String> spaces() {
    return spaces;
  }

  /** Name to room. */
  public Map<String, Seeding.Room> rooms() {
    return rooms;
  }

  private static <T> T find(Map<String, T> map, String key, String what) {
    T value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no seeded " + what + " '" + key + "'; seeded: "
          + (map.isEmpty() ? "none (is @LivedigitalMock(seedData = ...) set?)" : new TreeSet<>(map.keySet())));
    }
    return value;
  }

  @Override
  public String toString() {
    return "Seeded[users=" + users.keySet() + ", spaces=" + spaces.keySet() + ", rooms=" + rooms.keySet() + "]";
  }
}
