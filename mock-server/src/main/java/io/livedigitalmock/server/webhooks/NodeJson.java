package io.livedigitalmock.server.webhooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a value exactly as Node's {@code JSON.stringify} would, because receivers verify the
 * signature over {@code JSON.stringify(body)} of the body they parsed [guide]. Jackson's generator
 * does the writing; this class only sets the escapes Node uses (lowercase <code>&#92;u00xx</code> for control
 * characters; {@code /}, DEL and non-ASCII left as they are) and V8's key order (array-index keys
 * first, ascending; then the rest in insertion order).
 *
 * <p>Takes maps, lists, strings, booleans, null and whole numbers. Fractions are refused: Java and
 * JavaScript print some doubles differently, and a signature must never be almost right. So are
 * strings with unpaired surrogates, which Node escapes and UTF-8 cannot carry.
 */
public final class NodeJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final CharacterEscapes NODE_ESCAPES = new NodeEscapes();
  private static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

  private NodeJson() {
  }

  /** @throws IllegalArgumentException for a value Node would write differently than this can */
  public static String stringify(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(out)) {
      gen.setCharacterEscapes(NODE_ESCAPES);
      write(gen, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator gen, Object value) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String s) {
      gen.writeString(checked(s));
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      gen.writeNumber(safe(((Number) value).longValue()));
    } else if (value instanceof BigInteger big && big.bitLength() < 63) {
      gen.writeNumber(safe(big.longValue()));
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= MAX_SAFE_INTEGER) {
      gen.writeNumber((long) n.doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : v8Order(map)) {
        gen.writeFieldName(checked(String.valueOf(e.getKey())));
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (value instanceof List<?> list) {
      gen.writeStartArray();
      for (Object item : list) {
        write(gen, item);
      }
      gen.writeEndArray();
    } else {
      throw new IllegalArgumentException("only whole numbers, strings, booleans, null, objects and arrays "
          + "can be signed byte-exactly, not " + value);
    }
  }

  /** V8 lists integer-index keys first, in ascending order, then string keys as inserted. */
  private static List<Map.Entry<?, ?>> v8Order(Map<?, ?> map) {
    List<Map.Entry<?, ?>> indices = new ArrayList<>();
    List<Map.Entry<?, ?>> names = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      (isArrayIndex(String.valueOf(e.getKey())) ? indices : names).add(e);
    }
    indices.sort((a, b) -> Long.compare(Long.parseLong(String.valueOf(a.getKey())),
        Long.parseLong(String.valueOf(b.getKey()))));
    indices.addAll(names);
    return indices;
  }

  /** A canonical decimal below 2^32 - 1, as ECMAScript defines an array index. */
  private static boolean isArrayIndex(String key) {
    if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(key) < 4_294_967_295L;
  }

  private static long safe(long n) {
    if (Math.abs(n) > MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("integers beyond 2^53 lose precision in JavaScript: " + n);
    }
    return n;
  }

  private static String checked(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("strings must be well-formed Unicode (unpaired surrogate)");
      }
    }
    return s;
  }

  /** Node's escapes: the short forms for \b \t \n \f \r, lowercase <code>&#92;u00xx</code> for other controls. */
  private static final class NodeEscapes extends CharacterEscapes {

    private final int[] codes = standardAsciiEscapesForJSON();

    NodeEscapes() {
      for (int c = 0; c < 0x20; c++) {
        if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
          codes[c] = ESCAPE_CUSTOM;
        }
      }
      codes['/'] = ESCAPE_NONE;
      codes[0x7f] = ESCAPE_NONE;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return codes;
    }

    /**
     * Jackson asks this for every non-ASCII character too; those Node writes as they are, so only
     * the control characters marked above get an escape.
     */
    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
