package io.livedigitalmock.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** The classes the start preloads exist: a library upgrade that renames one would quietly undo the preload. */
class StartupPreloadTest {

  @Test
  void everyPreloadedClassExists() {
    for (String name : StartupPreload.CLASSES) {
      assertDoesNotThrow(() -> Class.forName(name, false, StartupPreload.class.getClassLoader()), name);
    }
  }
}
