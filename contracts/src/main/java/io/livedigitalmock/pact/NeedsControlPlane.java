package io.livedigitalmock.pact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a provider state of {@link LivedigitalStates} that only the mock can set up: it needs something
 * the real API has no endpoint for (people in a call, the media service recording, the clock). A
 * verification against the real API leaves out every interaction given such a state, and lists it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeedsControlPlane {

  /** What the real API lacks, e.g. "a call: people join through the media service". */
  String value();
}
