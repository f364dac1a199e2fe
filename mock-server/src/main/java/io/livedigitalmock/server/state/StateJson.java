package io.livedigitalmock.server.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How state files are written and read with Jackson: times as ISO-8601 instants ({@code Instant}'s
 * own text), every field written (nulls too) and required when read, no field the format does not
 * know. Strict on purpose: a state that half-loads is worse than one refused with its reason.
 */
final class StateJson {

  static final ObjectMapper MAPPER = mapper();

  private StateJson() {
  }

  private static ObjectMapper mapper() {
    SimpleModule instants = new SimpleModule("instants")
        .addSerializer(Instant.class, ToStringSerializer.instance)
        .addDeserializer(Instant.class, new InstantText());
    return new ObjectMapper()
        .registerModule(instants)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /** An instant from its ISO-8601 text ({@code 2024-05-01T10:00:00Z}), nothing else. */
  private static final class InstantText extends StdScalarDeserializer<Instant> {

    InstantText() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
      }
    }
  }
}
