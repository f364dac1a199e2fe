package io.livedigitalmock.server.domain.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An upper estimate of the heap an object holds: what the memory limits count. Generous on
 * purpose (every reference as eight bytes, every object with a full header, no object shared unless
 * the code says it is), so that the heap in use stays below the sum of the limits; but a string
 * counts the bytes the JVM keeps it in (one a char when every char fits in one, two otherwise: the
 * JVM's compact strings, on unless {@code -XX:-CompactStrings} turns them off), and
 * what is stored once is counted once: twice that, and half of {@code --data-bytes} went unused.
 * Knows the shapes the domain stores: strings, numbers, times, records, maps and collections of them.
 */
public final class Footprint {

  static final long OBJECT = 16;
  static final long REFERENCE = 8;
  /** A map entry's node, and its slot in the table. */
  static final long MAP_ENTRY = 48;
  /** A {@code String} object, without its byte array. */
  static final long STRING = 24;
  /** An array's header and length. */
  static final long ARRAY = 16;

  /**
   * A record component that holds a string the tenant stores elsewhere (the stored space's or user's
   * own id), put there as that same instance: it counts as a reference only.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  public @interface Shared {
  }

  /** A record type's slots, and the components that count beyond their slot: not primitive, not {@link Shared}. */
  private record Shape(int slots, RecordComponent[] counted) {
  }

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] all = type.getRecordComponents();
      return new Shape(all.length, java.util.Arrays.stream(all)
          .filter(c -> !c.getType().isPrimitive() && !c.isAnnotationPresent(Shared.class))
          .toArray(RecordComponent[]::new));
    }
  };

  private Footprint() {
  }

  public static long of(Object value) {
    if (value == null || value instanceof Enum<?> || value instanceof Boolean
        || value == Map.of() || value == List.of() || value == Set.of()) {
      return 0;   // shared instances (the empty immutable ones are what Map.copyOf etc. give for nothing)
    }
    if (value instanceof String text) {
      return STRING + aligned(ARRAY + (fitsInBytes(text) ? 1L : 2L) * text.length());
    }
    if (value instanceof CharSequence text) {
      return STRING + aligned(ARRAY + 2L * text.length());
    }
    if (value instanceof Number || value instanceof Character || value instanceof Temporal) {
      return OBJECT + 16;
    }
    if (value instanceof byte[] bytes) {
      return OBJECT + bytes.length;
    }
    if (value instanceof Map<?, ?> map) {
      long total = OBJECT + 48;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        total += MAP_ENTRY + of(e.getKey()) + of(e.getValue());
      }
      return total;
    }
    if (value instanceof Collection<?> collection) {
      long total = OBJECT + 24;
      for (Object element : collection) {
        total += REFERENCE + of(element);
      }
      return total;
    }
    if (value instanceof Record record) {
      return ofRecord(record);
    }
    return OBJECT + 4 * REFERENCE;   // a small object of a kind not stored as data
  }

  /**
   * A map entry of {@code key} and {@code value}: a key that is the value's own (a component of a
   * record, as a stored thing's id is) counts as its slot in the entry only. The stores put the
   * record's own instance as its key; equal, not identical, so that an entry weighs the same when it
   * goes, whichever equal key removes it.
   */
  public static long ofEntry(Object key, Object value) {
    long keyBytes = value instanceof Record record && isComponentOf(key, record) ? 0 : of(key);
    return MAP_ENTRY + keyBytes + of(value);
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

  private static long aligned(long bytes) {
    return (bytes + 7) & ~7L;
  }

  private static long ofRecord(Record record) {
    Shape shape = SHAPES.get(record.getClass());
    long total = OBJECT + REFERENCE * shape.slots();
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
