package io.livedigitalmock.server.scenarios;

import java.util.List;

/** A scenario or rule that cannot be loaded, with every problem found, each naming its line and field. */
public final class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ScenarioException(List<String> problems) {
    super(String.join("; ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
