package io.livedigitalmock.server.domain;

import io.livedigitalmock.server.domain.auth.TokenCodec;
import io.livedigitalmock.server.domain.auth.UrlSigner;
import io.livedigitalmock.server.domain.common.MockClock;
import io.livedigitalmock.server.domain.webhooks.DeliveryJournal;
import io.livedigitalmock.server.domain.webhooks.EventSink;
import io.livedigitalmock.server.faults.FaultBook;
import io.livedigitalmock.server.journal.RequestJournal;
import java.util.function.Supplier;

/**
 * What every tenant shares with the server: the seed ids derive from, the server clock, the token
 * codec, the configured base of room and download links (null: the address each request came to),
 * the outlet for webhook
 * events, the delivery journal, the signer of download links, the size of the sample recording, the
 * fault rules in force and the journal of requests received.
 */
public record ServerContext(long seed, MockClock serverClock, TokenCodec codec,
                            Supplier<String> publicBaseUrl, EventSink events, DeliveryJournal journal,
                            UrlSigner signer, long recordingFileSize, FaultBook faults,
                            RequestJournal requests) {
}
