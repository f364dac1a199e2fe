package io.livedigitalmock.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How answers are encoded and request bodies decoded: Vert.x's Jackson streaming codec. With
 * jackson-databind on the class path Vert.x's default is its databind codec, which goes through
 * ObjectMapper's serializers for every map; the streaming one writes the same bytes and reads the
 * same values (numbers, nesting limits, trailing tokens and errors alike) for the JSON types the mock
 * deals in, at less cost. A value it cannot write (an object of no JSON type) falls back to the default.
 */
final class WireJson {

  private static final JacksonCodec CODEC = new JacksonCodec();
  private static final JsonFactory FACTORY = new JsonFactory();

  private WireJson() {
  }

  static Buffer encode(Object jsonObjectOrArray) {
    try {
      return CODEC.toBuffer(jsonObjectOrArray, false);
    } catch (EncodeException notAJsonType) {
      return jsonObjectOrArray instanceof JsonObject o ? o.toBuffer() : ((JsonArray) jsonObjectOrArray).toBuffer();
    }
  }

  /**
   * What {@code writing} writes, as an answer's bytes, for answers whose shape is fixed: without
   * building a tree first, and with Jackson's own buffer copied once, into the answer (a byte
   * builder in between cost two more copies).
   */
  static Buffer buffer(StreamedJson.Part writing) {
    BufferSink out = new BufferSink(1536);
    try (JsonGenerator generator = generator(out)) {
      writing.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return out.written();
  }

  /** A generator writing UTF-8 into {@code out}. */
  static JsonGenerator generator(BufferSink out) {
    try {
      return FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
  }

  /** Any JSON value: a JsonObject, a JsonArray, a String, a Number, a Boolean or null. */
  static Object decode(Buffer json) throws DecodeException {
    return CODEC.fromBuffer(json);
  }
}
