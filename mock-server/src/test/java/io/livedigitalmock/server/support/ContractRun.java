package io.livedigitalmock.server.support;

import io.restassured.RestAssured;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Registered in {@code META-INF/services}: before any test runs, every REST Assured request gets the
 * {@link ContractFilter}; when the run ends, the count of answers checked is printed.
 */
public final class ContractRun implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    RestAssured.filters(new ContractFilter());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (ContractCheck.validated() > 0) {
      System.out.println(ContractCheck.summary());
    }
  }
}
