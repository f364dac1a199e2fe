package io.livedigitalmock.server.domain.state;

import java.util.List;

/** A state that cannot be restored, with every problem found, each naming where it is. Nothing was changed. */
public final class InvalidSnapshot extends RuntimeException {

  private final List<String> problems;

  public InvalidSnapshot(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
