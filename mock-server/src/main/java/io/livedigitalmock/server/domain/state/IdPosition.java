package io.livedigitalmock.server.domain.state;

/** Where a saved id source stood: its seed and how many draws it had made (it resumes from there). */
public record IdPosition(long seed, long draws) {
}
