package io.livedigitalmock.server.domain.calls;

import io.livedigitalmock.server.domain.common.Footprint;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The ids of a call's participants in order of joining, as an immutable list that grows by one without
 * copying: each {@link Call} holds a prefix of one array shared with the calls made from it. A call
 * is stored again each time someone joins, so copying (and measuring) the whole list then made joining
 * a call of N people cost N steps, and filling one N² (150,000 joins did not finish in 10 minutes).
 *
 * <p>Only the newest list of a chain writes to the array, past every older list's end; a list made
 * from an older one copies. Each list's elements are written before it exists and never change, so
 * a list read on another thread (a snapshot being written) sees them whole.
 */
final class JoinOrder extends AbstractList<String> implements RandomAccess, Footprint.Measured {

  /** The array a chain of lists shares, and how far the newest of them has filled it. */
  private static final class Chain {
    private String[] ids;
    private int filled;

    Chain(String[] ids) {
      this.ids = ids;
      this.filled = ids.length;
    }
  }

  private final Chain chain;
  private final String[] ids;
  private final int size;
  private final long footprint;

  private JoinOrder(Chain chain, int size, long footprint) {
    this.chain = chain;
    this.ids = chain.ids;
    this.size = size;
    this.footprint = footprint;
  }

  /** {@code ids} as a join order: a copy, which refuses null ids as {@link List#copyOf} does. */
  static JoinOrder of(List<String> ids) {
    if (ids instanceof JoinOrder order) {
      return order;
    }
    String[] copy = ids.toArray(new String[0]);
    long footprint = Footprint.ofEmptyList();
    for (String id : copy) {
      footprint += Footprint.ofListElement(Objects.requireNonNull(id, "a participant id"));
    }
    return new JoinOrder(new Chain(copy), copy.length, footprint);
  }

  /** This order and then {@code id}. */
  JoinOrder with(String id) {
    Objects.requireNonNull(id, "a participant id");
    long grown = footprint + Footprint.ofListElement(id);
    synchronized (chain) {
      if (chain.filled == size) {
        if (size == chain.ids.length) {
          chain.ids = Arrays.copyOf(chain.ids, Math.max(8, size + (size >> 1)));
        }
        chain.ids[size] = id;
        chain.filled = size + 1;
        return new JoinOrder(chain, size + 1, grown);
      }
    }
    String[] copy = Arrays.copyOf(ids, Math.max(8, size + 1 + (size >> 1)));
    copy[size] = id;
    Chain branch = new Chain(copy);
    branch.filled = size + 1;
    return new JoinOrder(branch, size + 1, grown);
  }

  @Override
  public String get(int index) {
    Objects.checkIndex(index, size);
    return ids[index];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long footprint() {
    return footprint;
  }
}
