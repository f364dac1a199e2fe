package io.livedigitalmock.server.faults;

import io.livedigitalmock.server.domain.common.Footprint;
import io.livedigitalmock.server.domain.common.StoredData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

/**
 * Every fault rule in force: each tenant's (by client id) and the server-wide ones, which apply to
 * every tenant and to requests of no known tenant. A tenant's rules go with its reset; rules it was
 * born with (a scenario loaded at start) come back with it.
 *
 * <p>One fault per request: every rule that matches counts it, and the first of them that fires (the
 * tenant's in the order they were added, then the server-wide ones) applies. Cheap when nothing
 * targets an operation: {@link #targets} is one look-up in a set rebuilt when rules change; when some
 * do, a request visits only the rules on its own operation (and on every one), {@link RulesByTarget}.
 *
 * <p>Rules count as stored data ({@code --data-bytes}): adding one while the budget is spent is a 409;
 * a reset re-arms a tenant's birth rules whatever the budget.
 */
public final class FaultBook {

  private static final String SERVER = "";
  /** What arming adds to a rule: its id, counters, window and random. */
  private static final long ARMING_BYTES = 160;

  private final Map<String, List<ArmedRule>> rules = new ConcurrentHashMap<>();
  /** The same rules by what they watch, remade with every change of a scope's rules. */
  private final Map<String, RulesByTarget> index = new ConcurrentHashMap<>();
  private final Map<String, List<FaultRule>> birth = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final StoredData data;
  private final StoredData.Meter meter;
  private final Map<String, Long> weights = new HashMap<>();
  private volatile Set<String> targeted = Set.of();

  /** Rules not counted anywhere (tests of the rules alone). */
  public FaultBook() {
    this(new StoredData(Long.MAX_VALUE));
  }

  public FaultBook(StoredData data) {
    this.data = data;
    this.meter = data.meter();
  }

  /** Rules a tenant (null: the server) has from birth and again after each reset. */
  public void setBirthRules(String clientId, List<FaultRule> born) {
    birth.put(key(clientId), List.copyOf(born));
  }

  /** Adds rules to a tenant (null: server-wide) whose windows start at {@code now}; answers them armed. */
  public synchronized List<ArmedRule> add(String clientId, List<FaultRule> added, Instant now) {
    data.requireRoom();
    return arm(clientId, added, now);
  }

  private List<ArmedRule> arm(String clientId, List<FaultRule> added, Instant now) {
    List<ArmedRule> armed = new ArrayList<>();
    for (FaultRule r : added) {
      armed.add(new ArmedRule(Long.toString(ids.incrementAndGet()), r, now));
    }
    List<ArmedRule> all = new ArrayList<>(rules.getOrDefault(key(clientId), List.of()));
    all.addAll(armed);
    put(key(clientId), List.copyOf(all));
    reindex();
    recount(key(clientId));
    return armed;
  }

  public List<ArmedRule> rules(String clientId) {
    return rules.getOrDefault(key(clientId), List.of());
  }

  /** Removes one rule; false if the tenant has none with that id. */
  public synchronized boolean remove(String clientId, String ruleId) {
    List<ArmedRule> now = rules.getOrDefault(key(clientId), List.of());
    List<ArmedRule> kept = now.stream().filter(r -> !r.id().equals(ruleId)).toList();
    put(key(clientId), kept);
    reindex();
    recount(key(clientId));
    return kept.size() < now.size();
  }

  /** Drops a tenant's (null: the server-wide) rules. */
  public synchronized void clear(String clientId) {
    rules.remove(key(clientId));
    index.remove(key(clientId));
    reindex();
    recount(key(clientId));
  }

  /** A tenant was reset (or born): its rules go, those it was born with come back, windows from {@code now}. */
  public synchronized void reset(String clientId, Instant now) {
    clear(clientId);
    List<FaultRule> born = birth.get(key(clientId));
    if (born != null) {
      arm(clientId, born, now);
    }
  }

  /** Everything was reset: every rule goes; the server-wide ones it was born with come back. */
  public synchronized void resetAll(Instant now) {
    rules.clear();
    index.clear();
    new ArrayList<>(weights.keySet()).forEach(this::recount);
    reset(null, now);
  }

  /** Under the lock: a scope's rules are now {@code armed}. */
  private void put(String key, List<ArmedRule> armed) {
    rules.put(key, armed);
    index.put(key, new RulesByTarget(armed));
  }

  /** Under the lock: what a scope's rules take now, told to the meter as a change. */
  private void recount(String key) {
    List<ArmedRule> armed = rules.getOrDefault(key, List.of());
    long now = Footprint.of(armed.stream().map(ArmedRule::rule).toList()) + ARMING_BYTES * armed.size();
    Long before = now == 0 ? weights.remove(key) : weights.put(key, now);
    meter.add(now - (before == null ? 0 : before));
  }

  /** True if any rule, of any tenant, watches this operation: else a request needs no look at the rules. */
  public boolean targets(String operationId) {
    Set<String> t = targeted;
    return !t.isEmpty() && (t.contains(operationId) || t.contains(Target.ANY_OPERATION));
  }

  /**
   * The fault for an API request of a tenant (null: unknown), or null. {@code tenantNow} is the
   * tenant's mock time, {@code serverNow} the server's (for server-wide rules).
   */
  public Fired decideRequest(String clientId, String operationId, RequestMatch.Probe probe, Instant tenantNow,
                             Instant serverNow) {
    // only the rules on this operation (or every one); cheapest test first: the window
    return decide(clientId, by -> by.forOperation(operationId),
        (r, now) -> r.inWindow(now) && r.rule().match().matches(probe), tenantNow, serverNow);
  }

  /** The fault for a webhook delivery of a tenant's event, or null. */
  public Fired decideWebhook(String clientId, String eventName, Instant tenantNow, Instant serverNow) {
    return decide(clientId, RulesByTarget::webhooks, (r, now) -> r.rule().match().matchesEvent(eventName),
        tenantNow, serverNow);
  }

  /** The fault for a recording a tenant starts, or null. */
  public Fired decideRecording(String clientId, Instant tenantNow, Instant serverNow) {
    return decide(clientId, RulesByTarget::recordings, (r, now) -> true, tenantNow, serverNow);
  }

  private Fired decide(String clientId, java.util.function.Function<RulesByTarget, List<ArmedRule>> watching,
                       BiPredicate<ArmedRule, Instant> matches, Instant tenantNow, Instant serverNow) {
    ArmedRule winner = null;
    if (clientId != null) {
      winner = consider(watching.apply(index.getOrDefault(clientId, RulesByTarget.NONE)), matches, tenantNow, null);
    }
    winner = consider(watching.apply(index.getOrDefault(SERVER, RulesByTarget.NONE)), matches, serverNow, winner);
    return winner == null ? null : winner.fire();
  }

  private static ArmedRule consider(List<ArmedRule> candidates, BiPredicate<ArmedRule, Instant> matches,
                                    Instant now, ArmedRule winner) {
    for (ArmedRule r : candidates) {
      if (matches.test(r, now) && r.consider(now) && winner == null) {
        winner = r;
      }
    }
    return winner;
  }

  private void reindex() {
    Set<String> t = new HashSet<>();
    rules.values().forEach(list -> list.forEach(r -> {
      if (r.rule().target().isApi()) {
        t.add(r.rule().target().operationId());
      }
    }));
    targeted = Set.copyOf(t);
  }

  private static String key(String clientId) {
    return clientId == null ? SERVER : clientId;
  }
}
