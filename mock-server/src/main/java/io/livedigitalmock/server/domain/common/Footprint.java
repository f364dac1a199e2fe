package io.livedigitalmock.server.domain.common;

import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

/**
 * An upper estimate of the heap an object holds: what the memory limits count. Generous on
 * purpose (every char counted as two bytes, every object with its header), so that the heap in use
 * stays below the sum of the limits. Knows the shapes the domain stores: strings, numbers, times,
 * records, maps and collections of them.
 */
public final class Footprint {

  static final long OBJECT = 16;
  static final long REFERENCE = 8;
  /** A map entry's node, and its slot in the table. */
  static final long MAP_ENTRY = 48;

  private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected RecordComponent[] computeValue(Class<?> type) {
      return type.getRecordComponents();
    }
  };

  private Footprint() {
  }

  public static long of(Object value) {
    if (value == null || value instanceof Enum<?> || value instanceof Boolean) {
      return 0;   // shared instances
    }
    if (value instanceof CharSequence text) {
      return OBJECT + 24 + 2L * text.length();
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

  private static long ofRecord(Record record) {
    RecordComponent[] components = COMPONENTS.get(record.getClass());
    long total = OBJECT + REFERENCE * components.length;
    for (RecordComponent component : components) {
      try {
        total += of(component.getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
    }
    return total;
  }
}
