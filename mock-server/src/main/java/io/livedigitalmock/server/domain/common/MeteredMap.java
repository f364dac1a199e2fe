package io.livedigitalmock.server.domain.common;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A map that tells {@code meter} (a {@link StoredData.Meter}'s add) what its entries take ({@link Footprint}) as they come,
 * change and go, whichever way they do (put, iterator or view removal, replaceAll), so the areas keep
 * writing to plain maps and no store can be missed. Order and lookups are the delegate's.
 */
public final class MeteredMap<K, V> extends AbstractMap<K, V> {

  private final Map<K, V> delegate;
  private final LongConsumer meter;
  private final Set<Entry<K, V>> entries = new Entries();

  public MeteredMap(Map<K, V> delegate, LongConsumer meter) {
    this.delegate = delegate;
    this.meter = meter;
  }

  @Override
  public V get(Object key) {
    return delegate.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return delegate.containsKey(key);
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public V put(K key, V value) {
    boolean existed = delegate.containsKey(key);
    V old = delegate.put(key, value);
    meter.accept(existed ? Footprint.of(value) - Footprint.of(old) : entry(key, value));
    return old;
  }

  @Override
  public V remove(Object key) {
    if (!delegate.containsKey(key)) {
      return null;
    }
    V old = delegate.remove(key);
    meter.accept(-entry(key, old));
    return old;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return entries;
  }

  private static long entry(Object key, Object value) {
    return Footprint.MAP_ENTRY + Footprint.of(key) + Footprint.of(value);
  }

  private final class Entries extends AbstractSet<Entry<K, V>> {

    @Override
    public int size() {
      return delegate.size();
    }

    @Override
    public Iterator<Entry<K, V>> iterator() {
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
              meter.accept(Footprint.of(value) - Footprint.of(old));
              return old;
            }
          };
        }

        @Override
        public void remove() {
          it.remove();
          meter.accept(-entry(last.getKey(), last.getValue()));
        }
      };
    }
  }
}
