package io.livedigitalmock.server;

import java.time.Duration;

/**
 * What bounds the server's connections: how long a client may take to send a request
 * ({@code --request-timeout}), and how long a connection may be silent both ways ({@code --idle-timeout};
 * longer than the longest long-poll and receiver delay, two minutes).
 */
public record Limits(Duration requestTimeout, Duration idleTimeout) {
}
