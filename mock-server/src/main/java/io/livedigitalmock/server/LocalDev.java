package io.livedigitalmock.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What local development needs besides the API (README "Local development"): state that survives a
 * restart ({@code --state-dir}, saved every {@code --state-save-interval} when it changed and on a
 * clean stop); webhooks to the host's loopback from inside a container ({@code --host-loopback-alias},
 * {@code --host-relay}); and an access log ({@code --verbose}). {@code jwtSecretGiven}: whether
 * {@code --jwt-secret} was set, so the state file need not carry the key.
 *
 * @param stateDir where the state is kept; null: nowhere (in memory only)
 * @param hostLoopbackAlias the name webhook URLs naming localhost are sent to instead; null: as registered
 * @param hostRelay an HTTP proxy on the host that such webhooks go through (credentials in its user
 *     info); null: none
 */
public record LocalDev(Path stateDir, Duration stateSaveInterval, boolean jwtSecretGiven, String hostLoopbackAlias,
                       String hostRelay, boolean verbose) {
}
