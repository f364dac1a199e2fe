package io.livedigitalmock.server.domain.common;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A list whose items are made when read, each from what was taken under a tenant's lock: a view of
 * stored data (a state file's records, a report's rows) holds the references it needs, not a second
 * copy of the data, which in a full store would not fit beside it. What the items are made from never
 * changes (the domain's records are immutable), so the list may be read after the lock is let go.
 */
public final class ListMadeOnRead<T> extends AbstractList<T> implements RandomAccess {

  private final int size;
  private final IntFunction<T> item;

  private ListMadeOnRead(int size, IntFunction<T> item) {
    this.size = size;
    this.item = item;
  }

  /** {@code size} items, the one at {@code index} made by {@code item.apply(index)} each time it is read. */
  public static <T> List<T> of(int size, IntFunction<T> item) {
    return new ListMadeOnRead<>(size, item);
  }

  @Override
  public T get(int index) {
    return item.apply(Objects.checkIndex(index, size));
  }

  @Override
  public int size() {
    return size;
  }
}
