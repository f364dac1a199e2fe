package io.livedigitalmock.junit6;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.livedigitalmock.junit.Livedigital;
import io.livedigitalmock.junit.LivedigitalMock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LivedigitalMock
class InjectionTest {

  static Livedigital staticField;
  private static Livedigital fromBeforeAll;
  Livedigital instanceField;
  private final Livedigital fromConstructor;
  private Livedigital fromBeforeEach;

  InjectionTest(Livedigital mock) {
    fromConstructor = mock;
  }

  @BeforeAll
  static void beforeAll(Livedigital mock) {
    assertSame(staticField, mock);
    fromBeforeAll = mock;
  }

  @BeforeEach
  void beforeEach(Livedigital mock) {
    assertSame(instanceField, mock);
    fromBeforeEach = mock;
  }

  @Test
  void parametersAndFieldsGetTheClassHandle(Livedigital mock) {
    assertNotNull(mock);
    assertSame(fromBeforeAll, mock);
    assertSame(fromConstructor, mock);
    assertSame(fromBeforeEach, mock);
    assertSame(staticField, mock);
    assertSame(instanceField, mock);
  }

  @Test
  void theHandleWorks(Livedigital mock) {
    String spaceId = mock.seed().createSpace("JUnit 6 school");
    String roomId = mock.seed().createRoom(spaceId, "room").id();
    mock.simulate().leave(mock.simulate().join(roomId, "Alice"));
    assertNotNull(mock.simulate().roomState(roomId).callIds().get(0));
  }
}
