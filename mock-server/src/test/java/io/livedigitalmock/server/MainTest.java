package io.livedigitalmock.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {

  private String given;

  @BeforeEach
  void remember() {
    given = System.getProperty(Main.NETTY_JFR);
  }

  @AfterEach
  void restore() {
    if (given == null) {
      System.clearProperty(Main.NETTY_JFR);
    } else {
      System.setProperty(Main.NETTY_JFR, given);
    }
  }

  @Test
  void theJarStartsWithoutNettysJfrEvents() {
    System.clearProperty(Main.NETTY_JFR);
    Main.withoutNettyJfrEvents();
    assertEquals("false", System.getProperty(Main.NETTY_JFR));
  }

  @Test
  void aValueTheJvmWasGivenStays() {
    System.setProperty(Main.NETTY_JFR, "true");
    Main.withoutNettyJfrEvents();
    assertEquals("true", System.getProperty(Main.NETTY_JFR));
  }
}
