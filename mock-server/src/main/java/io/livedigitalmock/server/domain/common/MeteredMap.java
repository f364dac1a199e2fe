package io.livedigitalmock.server.domain.common;

import java.util.AbstractCollection;
import java.util.AbstractMap.SimpleEntry;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * A map that tells {@code meter} (a {@link StoredData.Meter}'s add) what its entries take ({@link Footprint}) as they come,
 * change and go, whichever way they do (put, iterator or view removal, replaceAll), so the areas keep
 * writing to plain maps and no store can be missed. Order and lookups are the delegate's, made at the
 * first put: a tenant has seventeen of these and most stay empty. Not an {@code AbstractMap}, whose
 * cached views would make each one a third heavier; its views are made when asked for.
 */
public final class MeteredMap<K, V> implements Map<K, V> {

  private enum Kind { LINKED, HASHED, INDEX, OWN_KEY_INDEX }

  /**
   * Told of each value as it comes ({@code old} null), is replaced, or goes ({@code now} null), whichever
   * way that happened: what a count kept beside the map needs to stay true.
   */
  @FunctionalInterface
  public interface Changes<V> {
    void changed(V old, V now);
  }

  private final Kind kind;
  private final LongConsumer meter;
  private final Changes<? super V> changes;
  private Map<K, V> delegate;

  private MeteredMap(Kind kind, LongConsumer meter, Changes<? super V> changes) {
    this.kind = kind;
    this.meter = meter;
    this.changes = changes;
  }

  private MeteredMap(Kind kind, LongConsumer meter) {
    this(kind, meter, (old, now) -> { });
  }

  /** Iterates in insertion order, like a {@link LinkedHashMap}. */
  public static <K, V> MeteredMap<K, V> linked(LongConsumer meter) {
    return new MeteredMap<>(Kind.LINKED, meter);
  }

  /** A {@link #linked} map that tells {@code changes} of every change to its values. */
  public static <K, V> MeteredMap<K, V> linked(LongConsumer meter, Changes<? super V> changes) {
    return new MeteredMap<>(Kind.LINKED, meter, changes);
  }

  /** In no particular order, like a {@link HashMap}. */
  public static <K, V> MeteredMap<K, V> hashed(LongConsumer meter) {
    return new MeteredMap<>(Kind.HASHED, meter);
  }

  /**
   * A look-up of a stored thing's id by another of its keys, in no particular order: each value is the
   * id string the thing itself holds (put that instance), so a value counts as its slot in the entry only.
   */
  public static <K> MeteredMap<K, String> index(LongConsumer meter) {
    return new MeteredMap<>(Kind.INDEX, meter);
  }

  /**
   * An {@link #index} whose keys the stored things hold too (put that instance, e.g. a room's own
   * alias): an entry counts as its node and slots only.
   */
  public static <K> MeteredMap<K, String> ownKeyIndex(LongConsumer meter) {
    return new MeteredMap<>(Kind.OWN_KEY_INDEX, meter);
  }

  @Override
  public V get(Object key) {
    return delegate == null ? null : delegate.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return delegate != null && delegate.containsKey(key);
  }

  @Override
  public int size() {
    return delegate == null ? 0 : delegate.size();
  }

  @Override
  public V put(K key, V value) {
    if (delegate == null) {
      // a table of two: most of a tenant's maps hold one entry or a few (its user, its space)
      delegate = kind == Kind.LINKED ? new LinkedHashMap<>(2) : new HashMap<>(2);
    }
    V old = delegate.put(key, Objects.requireNonNull(value, "a stored value"));
    meter.accept(old != null ? valueBytes(value) - valueBytes(old) : entryBytes(key, value));   // no null values: one look-up
    changes.changed(old, value);
    return old;
  }

  @Override
  public V remove(Object key) {
    if (!containsKey(key)) {
      return null;
    }
    V old = delegate.remove(key);
    meter.accept(-entryBytes(key, old));
    changes.changed(old, null);
    return old;
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public boolean containsValue(Object value) {
    return delegate != null && delegate.containsValue(value);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    entries.forEach(this::put);
  }

  @Override
  public void clear() {
    entrySet().clear();
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new Entries();
  }

  @Override
  public Set<K> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<K> iterator() {
        return parts(Entry::getKey);
      }

      @Override
      public int size() {
        return MeteredMap.this.size();
      }

      @Override
      public boolean contains(Object key) {
        return containsKey(key);
      }

      @Override
      public boolean remove(Object key) {
        boolean had = containsKey(key);
        MeteredMap.this.remove(key);
        return had;
      }
    };
  }

  @Override
  public Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        return parts(Entry::getValue);
      }

      @Override
      public int size() {
        return MeteredMap.this.size();
      }
    };
  }

  /** The entries' keys or values, removable through the entries (so the meter hears of it). */
  private <T> Iterator<T> parts(Function<Entry<K, V>, T> part) {
    Iterator<Entry<K, V>> entries = entrySet().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public T next() {
        return part.apply(entries.next());
      }

      @Override
      public void remove() {
        entries.remove();
      }
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Map<?, ?> map && entrySet().equals(map.entrySet());
  }

  @Override
  public int hashCode() {
    return entrySet().hashCode();
  }

  @Override
  public String toString() {
    return delegate == null ? "{}" : delegate.toString();
  }

  private long entryBytes(Object key, Object value) {
    return switch (kind) {
      case LINKED -> Footprint.ofEntry(key, value);
      case HASHED -> Footprint.ofHashedEntry(key, value);
      case INDEX -> Footprint.HASHED_ENTRY + Footprint.of(key);
      case OWN_KEY_INDEX -> Footprint.HASHED_ENTRY;
    };
  }

  private long valueBytes(Object value) {
    return kind == Kind.INDEX || kind == Kind.OWN_KEY_INDEX ? 0 : Footprint.of(value);
  }

  private final class Entries extends AbstractSet<Entry<K, V>> {

    @Override
    public int size() {
      return MeteredMap.this.size();
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
      if (delegate == null) {
        return Collections.emptyIterator();
      }
      Iterator<Entry<K, V>> it = delegate.entrySet().iterator();
      return new Iterator<>() {
        private Entry<K, V> last;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Entry<K, V> next() {
          Entry<K, V> e = it.next();
          last = e;
          return new SimpleEntry<>(e.getKey(), e.getValue()) {
            @Override
            public V setValue(V value) {
              V old = e.setValue(value);
              super.setValue(value);
              meter.accept(valueBytes(value) - valueBytes(old));
              changes.changed(old, value);
              return old;
            }
          };
        }

        @Override
        public void remove() {
          it.remove();
          meter.accept(-entryBytes(last.getKey(), last.getValue()));
          changes.changed(last.getValue(), null);
        }
      };
    }
  }
}
