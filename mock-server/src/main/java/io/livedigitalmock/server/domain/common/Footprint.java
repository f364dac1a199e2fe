package io.livedigitalmock.server.domain.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An estimate of the heap an object holds: what the memory limits count. Objects are sized as HotSpot
 * lays them out by default (a 12-byte header, fields packed, every object a multiple of 8 bytes;
 * references of 4 bytes while the heap is small enough to compress them, of 8 past that), so that
 * a budget in bytes holds about that many bytes of heap; the room the rest of the server needs is in
 * the share of the heap the limits leave free (MockConfig). What is stored once is counted once, and
 * a string counts the bytes the JVM keeps it in (one a char when every char fits in one, two
 * otherwise: the JVM's compact strings, on unless {@code -XX:-CompactStrings} turns them off).
 * Knows the shapes the domain stores: strings, numbers, times, records, maps and collections of them,
 * and the fault rules' compiled regexes.
 */
public final class Footprint {

  /**
   * A reference. The JVM compresses them to 4 bytes by default while the max heap is under 32 GB
   * ({@code -XX:+UseCompressedOops}); from 30 GB on this counts 8, whichever the JVM chose.
   */
  static final long REFERENCE = Runtime.getRuntime().maxMemory() < 30L << 30 ? 4 : 8;
  /** An object's header: mark word and compressed class pointer (JDK 25's compact headers take 8: then this counts over). */
  static final long HEADER = 12;
  /** An array's header and length. */
  static final long ARRAY = aligned(HEADER + 4);
  /** A {@code String} object, without its byte array: header, array, hash, coder and hash-is-zero flag. */
  static final long STRING = aligned(HEADER + REFERENCE + 4 + 2);
  /** A {@code HashMap} node (hash, key, value, next) and its slots in a table at most 3/4 full, 3 at worst. */
  static final long HASHED_ENTRY = aligned(HEADER + 4 + 3 * REFERENCE) + 3 * REFERENCE;
  /** A {@code LinkedHashMap} entry: a node with its neighbours in insertion order, and its slots. */
  static final long MAP_ENTRY = aligned(HEADER + 4 + 5 * REFERENCE) + 3 * REFERENCE;
  /** A map object itself: a {@code LinkedHashMap}'s fields (its table counted with the entries). */
  static final long MAP = aligned(HEADER + 6 * REFERENCE + 4 * 4 + 1);

  /**
   * A record component that holds a string the tenant stores elsewhere (the stored space's or user's
   * own id), put there as that same instance: it counts as a reference only.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  public @interface Shared {
  }

  /**
   * A value that may be one instance shared by everything that holds it (e.g. a room's flags): when
   * it is, it costs its holders nothing more than their reference.
   */
  public interface Canonical {
    boolean isShared();
  }

  /**
   * A value that keeps its own count, because walking it would cost as much as it holds (a call's
   * participants, counted again each time one more joins).
   */
  public interface Measured {
    long footprint();
  }

  /** A record type's own size (header and fields), and the components that count beyond their slot: not primitive, not {@link Shared}. */
  private record Shape(long size, RecordComponent[] counted) {
  }

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] all = type.getRecordComponents();
      long fields = 0;
      for (RecordComponent c : all) {
        fields += slotOf(c.getType());
      }
      return new Shape(aligned(HEADER + fields), java.util.Arrays.stream(all)
          .filter(c -> !c.getType().isPrimitive() && !c.isAnnotationPresent(Shared.class))
          .toArray(RecordComponent[]::new));
    }
  };

  private Footprint() {
  }

  public static long of(Object value) {
    if (value == null || value instanceof Enum<?> || value instanceof Boolean
        || value == Map.of() || value == List.of() || value == Set.of()
        || value instanceof Canonical canonical && canonical.isShared()) {
      return 0;   // shared instances (the empty immutable ones are what Map.copyOf etc. give for nothing)
    }
    if (value instanceof Measured measured) {
      return measured.footprint();
    }
    if (value instanceof String text) {
      return STRING + aligned(ARRAY + (fitsInBytes(text) ? 1L : 2L) * text.length());
    }
    if (value instanceof CharSequence text) {
      return STRING + aligned(ARRAY + 2L * text.length());
    }
    if (value instanceof BigInteger big) {
      return aligned(HEADER + 4 * 4 + REFERENCE) + aligned(ARRAY + big.bitLength() / 8 + 4);
    }
    if (value instanceof BigDecimal big) {
      return aligned(HEADER + 2 * 4 + 8 + 2 * REFERENCE) + of(big.unscaledValue());
    }
    if (value instanceof Number || value instanceof Character) {
      return aligned(HEADER + 8);
    }
    if (value instanceof Temporal) {
      return aligned(HEADER + 16);   // an Instant's seconds and nanos: the one kind of time the domain stores
    }
    if (value instanceof Pattern regex) {
      // its source, and its compiled nodes: measured 8 (a literal) to 32 (every char optional) bytes a char
      return of(regex.pattern()) + aligned(HEADER + 8 * REFERENCE + 4 * 4) + 32L * regex.pattern().length();
    }
    if (value instanceof byte[] bytes) {
      return aligned(ARRAY + bytes.length);
    }
    if (value instanceof Map<?, ?> map) {
      long total = MAP;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        total += MAP_ENTRY + of(e.getKey()) + of(e.getValue());
      }
      return total;
    }
    if (value instanceof Collection<?> collection) {
      long total = ofEmptyList();
      for (Object element : collection) {
        total += ofListElement(element);
      }
      return total;
    }
    if (value instanceof Record record) {
      return ofRecord(record);
    }
    return aligned(HEADER + 4 * REFERENCE);   // a small object of a kind not stored as data
  }

  /** A list object and its array's header: what a collection takes before its elements. */
  public static long ofEmptyList() {
    return aligned(HEADER + 3 * 4 + REFERENCE) + ARRAY;
  }

  /** One element of a collection: its slot in the array and the element. */
  public static long ofListElement(Object element) {
    return REFERENCE + of(element);
  }

  /**
   * A map entry of {@code key} and {@code value}: a key that is the value's own (a component of a
   * record, as a stored thing's id is) counts as its slot in the entry only. The stores put the
   * record's own instance as its key; equal, not identical, so that an entry weighs the same when it
   * goes, whichever equal key removes it.
   */
  public static long ofEntry(Object key, Object value) {
    return entry(MAP_ENTRY, key, value);
  }

  /** Like {@link #ofEntry}, for an entry of a {@code HashMap}, which does not link its entries in order. */
  public static long ofHashedEntry(Object key, Object value) {
    return entry(HASHED_ENTRY, key, value);
  }

  private static long entry(long node, Object key, Object value) {
    long keyBytes = value instanceof Record record && isComponentOf(key, record) ? 0 : of(key);
    return node + keyBytes + of(value);
  }

  private static boolean isComponentOf(Object key, Record record) {
    for (RecordComponent component : SHAPES.get(record.getClass()).counted()) {
      if (key.equals(read(component, record))) {
        return true;
      }
    }
    return false;
  }

  /** Latin-1 text, which the JVM keeps in one byte a char. */
  private static boolean fitsInBytes(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** What a field of this type takes in its object. */
  private static long slotOf(Class<?> type) {
    if (!type.isPrimitive()) {
      return REFERENCE;
    }
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    return type == boolean.class || type == byte.class ? 1 : 2;
  }

  static long aligned(long bytes) {
    return (bytes + 7) & ~7L;
  }

  private static long ofRecord(Record record) {
    Shape shape = SHAPES.get(record.getClass());
    long total = shape.size();
    for (RecordComponent component : shape.counted()) {
      total += of(read(component, record));
    }
    return total;
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
