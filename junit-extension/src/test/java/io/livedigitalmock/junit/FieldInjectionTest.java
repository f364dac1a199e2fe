package io.livedigitalmock.junit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@LivedigitalMock
class FieldInjectionTest {

  static Livedigital classMock;
  private static Livedigital seenInBeforeAll;
  Livedigital mock;
  private Livedigital seenInBeforeEach;

  @BeforeAll
  static void staticFieldIsSetBeforeBeforeAll() {
    seenInBeforeAll = classMock;
  }

  @BeforeEach
  void instanceFieldIsSetBeforeBeforeEach() {
    seenInBeforeEach = mock;
  }

  @Test
  void staticAndInstanceFieldsHoldTheClassHandle(Livedigital parameter) {
    assertNotNull(seenInBeforeAll);
    assertSame(parameter, classMock);
    assertSame(parameter, mock);
    assertSame(parameter, seenInBeforeEach);
    mock.seed().createSpace("works");
  }

  @Nested
  class InANestedClass {

    Livedigital nestedMock;

    @Test
    void nestedClassesShareTheEnclosingClassTenant(Livedigital parameter) {
      assertSame(classMock, parameter);
      assertSame(parameter, nestedMock);
      assertSame(parameter, mock);   // the enclosing instance got it too
    }
  }
}
