package io.livedigitalmock.server.journal;

import java.util.List;
import java.util.Map;

/**
 * What a request carried, kept as received and turned into text only when someone reads the journal
 * (recording must cost the API next to nothing). Implemented over the HTTP layer's own objects.
 */
public interface RequestContent {

  /** Header names and values as received, in order (secrets not yet masked). */
  List<Map.Entry<String, String>> headers();

  /** The body bytes kept: at most {@link RequestJournal#BODY_CAP} of them. */
  byte[] body();

  /** The body's full size in bytes, as received. */
  int bodySize();

  /** Bytes this entry holds on to, roughly: what the journal's byte bound counts. */
  long retainedBytes();
}
