package io.livedigitalmock.server.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.livedigitalmock.server.domain.state.InvalidSnapshot;
import io.livedigitalmock.server.domain.state.SnapshotCheck;
import java.io.IOException;

/**
 * Reads a state file and says exactly what is wrong with one that cannot be restored, before anything
 * changes: not JSON (a file cut short: "ends early, at line L"), not a livedigital-mock state, a
 * version this mock does not read, a field missing, unknown or of the wrong type (named by its path,
 * {@code tenants[2].rooms[0].alias}), or a state that does not hold together ({@link SnapshotCheck}).
 */
public final class SnapshotReader {

  private SnapshotReader() {
  }

  /**
   * @throws StateFileException naming the problem
   */
  public static StateFile read(byte[] json) {
    checkFormatAndVersion(json);
    StateFile file;
    try {
      file = StateJson.MAPPER.readValue(json, StateFile.class);
    } catch (JsonMappingException e) {
      boolean cutShort = e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
      throw new StateFileException(cutShort ? notJson(e) : path(e) + ": " + problem(e), e);
    } catch (JsonProcessingException e) {
      throw new StateFileException(notJson(e), e);
    } catch (IOException e) {
      throw new StateFileException("cannot be read: " + e.getMessage(), e);
    }
    if (file.jwtSecret() != null && file.jwtSecret().isEmpty()) {
      // HMAC has no empty key: adopted, it would leave the mock unable to sign or check any token
      throw new StateFileException("does not hold together: jwtSecret: must not be empty (leave it out to keep "
          + "the mock's own key)");
    }
    try {
      SnapshotCheck.require(file.snapshot());
    } catch (InvalidSnapshot e) {
      throw new StateFileException("does not hold together: " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * What the file says it is, read before the rest: the top level's {@code format} and {@code version}
   * (written first, so only the first tokens are read; elsewhere the rest is skipped, not built).
   */
  private static void checkFormatAndVersion(byte[] json) {
    String format = null;
    JsonNode version = null;
    try (JsonParser p = StateJson.MAPPER.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new StateFileException("is not a livedigital-mock state: " + (first == null ? "empty" : "not a JSON object"));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME && (format == null || version == null)) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("format")) {
          format = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : p.currentToken().asString();
        } else if (name.equals("version")) {
          version = StateJson.MAPPER.readTree(p);
        } else {
          p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new StateFileException(notJson(e), e);
    } catch (IOException e) {
      throw new StateFileException("cannot be read: " + e.getMessage(), e);
    }
    if (!StateFile.FORMAT.equals(format)) {
      throw new StateFileException("is not a livedigital-mock state: its \"format\" is "
          + (format == null ? "missing" : "\"" + format + "\"") + ", not \"" + StateFile.FORMAT + "\"");
    }
    if (version == null || !version.isIntegralNumber()) {
      throw new StateFileException("has no \"version\" number");
    }
    if (version.asLong() != StateFile.VERSION) {
      throw new StateFileException("is version " + version.asText() + " of the state format; this livedigital-mock "
          + "reads version " + StateFile.VERSION + (version.asLong() > StateFile.VERSION
          ? " (a newer livedigital-mock wrote it: run that one, or start without this state)" : ""));
    }
  }

  private static String notJson(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = e.getOriginalMessage();
    if (message != null && message.contains("end-of-input")) {
      return "ends early" + where + ": it was cut short (not written by a whole save)";
    }
    return "is not valid JSON" + where + ": " + (message == null ? e.getClass().getSimpleName() : firstLine(message));
  }

  /** {@code tenants[2].rooms[0].alias} from Jackson's reference chain. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(the top)" : path.toString();
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException) {
      return "not a field of this format";
    }
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getOriginalMessage());
    if (message.startsWith("Missing creator property") || message.startsWith("Missing required creator property")) {
      return "missing";
    }
    return message;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
