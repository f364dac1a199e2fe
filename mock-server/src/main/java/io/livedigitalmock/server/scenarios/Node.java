package io.livedigitalmock.server.scenarios;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a scenario document (YAML or JSON) with the line it starts on and its path
 * ({@code rules[2].when.times}), so that every error can name both. Read with Jackson's streaming
 * parser, which knows locations that a tree of JsonNodes forgets.
 */
final class Node {

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();

  final String path;
  final int line;
  /** A LinkedHashMap of Nodes, a List of Nodes, or a String, Number, Boolean or null. */
  final Object value;

  private Node(String path, int line, Object value) {
    this.path = path;
    this.line = line;
    this.value = value;
  }

  /**
   * Parses a document: JSON if it starts with {@code {} or {@code [}, else YAML.
   *
   * @throws ScenarioException naming the line of a syntax error or a repeated key
   */
  static Node parse(String text) {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      if (p.nextToken() == null) {
        throw new ScenarioException(List.of("the document is empty"));
      }
      Node root = read(p, "");
      if (p.nextToken() != null) {
        throw new ScenarioException(List.of("line " + line(p) + ": more than one document"));
      }
      return root;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int nl = message.indexOf('\n');
      throw new ScenarioException(List.of("line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
          + ": not valid " + (json ? "JSON" : "YAML") + ": " + (nl > 0 ? message.substring(0, nl) : message)));
    } catch (IOException e) {
      throw new ScenarioException(List.of("cannot read the document: " + e.getMessage()));
    }
  }

  private static Node read(JsonParser p, String path) throws IOException {
    int line = line(p);
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Node> fields = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int keyLine = line(p);
        p.nextToken();
        String child = path.isEmpty() ? name : path + "." + name;
        if (fields.put(name, read(p, child)) != null) {
          throw new ScenarioException(List.of("line " + keyLine + ", field " + child + ": given twice"));
        }
      }
      return new Node(path, line, fields);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p, path + "[" + items.size() + "]"));
      }
      return new Node(path, line, items);
    }
    return new Node(path, line, switch (token) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    });
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  boolean isObject() {
    return value instanceof Map;
  }

  @SuppressWarnings("unchecked")
  Map<String, Node> fields() {
    return (Map<String, Node>) value;
  }

  @SuppressWarnings("unchecked")
  List<Node> items() {
    return (List<Node>) value;
  }

  /** {@code line 4, field rules[0].on: <problem>}. */
  String error(String problem) {
    return "line " + line + (path.isEmpty() ? "" : ", field " + path) + ": " + problem;
  }
}
