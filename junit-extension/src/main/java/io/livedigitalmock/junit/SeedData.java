package io.livedigitalmock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A seed data file, parsed and checked once:
 *
 * <pre>{@code
 * {
 *   "users":  [{"email": "teacher@school.test", "password": "s3cret", "username": "Teacher"}],
 *   "spaces": [{"name": "Lyceum 7", "isPublic": true,
 *               "rooms": [{"name": "Algebra 9A", "type": "lesson"}]}]
 * }
 * }</pre>
 *
 * Every field but {@code rooms} is sent as is to the public API's create call, so any option it takes
 * can be seeded.
 */
final class SeedData {

  private final String resource;
  private final JsonNode root;

  private SeedData(String resource, JsonNode root) {
    this.resource = resource;
    this.root = root;
  }

  /** Reads the classpath resource (a leading '/' is optional). */
  static SeedData load(String resource, ClassLoader loader) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("seedData: no classpath resource '" + resource + "'");
      }
      JsonNode root = JsonHttp.JSON.readTree(in);
      check(resource, root);
      return new SeedData(resource, root);
    } catch (IOException e) {
      throw new IllegalArgumentException("seedData: '" + resource + "' is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static void check(String resource, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("seedData: '" + resource + "' must be a JSON object with users and spaces");
    }
    for (JsonNode user : root.path("users")) {
      for (String field : new String[] {"email", "password", "username"}) {
        if (!user.hasNonNull(field)) {
          throw new IllegalArgumentException("seedData: every user in '" + resource + "' needs " + field);
        }
      }
    }
    Set<String> roomNames = new HashSet<>();
    Set<String> spaceNames = new HashSet<>();
    for (JsonNode space : root.path("spaces")) {
      if (!space.hasNonNull("name") || !spaceNames.add(space.get("name").asText())) {
        throw new IllegalArgumentException("seedData: every space in '" + resource + "' needs a unique name");
      }
      for (JsonNode room : space.path("rooms")) {
        if (!room.hasNonNull("name") || !roomNames.add(room.get("name").asText())) {
          throw new IllegalArgumentException("seedData: every room in '" + resource + "' needs a unique name");
        }
      }
    }
  }

  /** Creates everything in the handle's tenant and answers the ids by name. */
  Seeded applyTo(Livedigital mock) {
    Map<String, String> users = new LinkedHashMap<>();
    Map<String, String> spaces = new LinkedHashMap<>();
    Map<String, Seeding.Room> rooms = new LinkedHashMap<>();
    try {
      for (JsonNode user : root.path("users")) {
        String email = user.get("email").asText();
        users.put(email, mock.seed().createUser(email, user.get("password").asText(),
            user.get("username").asText()));
      }
      for (JsonNode space : root.path("spaces")) {
        ObjectNode fields = ((ObjectNode) space).deepCopy();
        fields.remove("rooms");
        String spaceId = mock.seed().createSpace(JsonHttp.map(fields));
        spaces.put(space.get("name").asText(), spaceId);
        for (JsonNode room : space.path("rooms")) {
          rooms.put(room.get("name").asText(), mock.seed().createRoom(spaceId, JsonHttp.map(room)));
        }
      }
    } catch (LivedigitalMockException e) {
      throw new IllegalStateException("seedData '" + resource + "' could not be created: " + e.getMessage(), e);
    }
    return new Seeded(users, spaces, rooms);
  }
}
