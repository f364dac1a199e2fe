package io.livedigitalmock.server.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scope's rules (a tenant's, or the server-wide ones) sorted by what they watch, each list in
 * the order the rules were added: a request looks only at the rules of its own operation (and those
 * on every operation), a delivery only at the webhook rules, however many rules watch other things.
 * Immutable; {@link FaultBook} makes a new one whenever the scope's rules change.
 */
final class RulesByTarget {

  static final RulesByTarget NONE = new RulesByTarget(List.of());

  /** Per operation named by a rule: its rules and those on every operation, in the order added. */
  private final Map<String, List<ArmedRule>> byOperation = new HashMap<>();
  /** For the operations no rule names: the rules on every operation. */
  private final List<ArmedRule> anyOperation;
  private final List<ArmedRule> webhooks;
  private final List<ArmedRule> recordings;

  RulesByTarget(List<ArmedRule> rules) {
    List<ArmedRule> any = new ArrayList<>();
    List<ArmedRule> hooks = new ArrayList<>();
    List<ArmedRule> records = new ArrayList<>();
    for (ArmedRule r : rules) {
      Target t = r.rule().target();
      switch (t.kind()) {
        case API -> {
          if (t.operationId().equals(Target.ANY_OPERATION)) {
            any.add(r);
          } else {
            byOperation.putIfAbsent(t.operationId(), new ArrayList<>());
          }
        }
        case WEBHOOKS -> hooks.add(r);
        case RECORDINGS -> records.add(r);
        default -> throw new IllegalStateException("unknown target " + t);
      }
    }
    byOperation.replaceAll((operation, none) ->
        rules.stream().filter(r -> r.rule().target().covers(operation)).toList());
    this.anyOperation = List.copyOf(any);
    this.webhooks = List.copyOf(hooks);
    this.recordings = List.copyOf(records);
  }

  List<ArmedRule> forOperation(String operationId) {
    return byOperation.getOrDefault(operationId, anyOperation);
  }

  List<ArmedRule> webhooks() {
    return webhooks;
  }

  List<ArmedRule> recordings() {
    return recordings;
  }
}
