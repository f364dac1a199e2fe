package io.livedigitalmock.junit;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FaultsAndJournalContract} against the image the build made ({@code -Dldmock.image}). */
@ExtendWith(DockerRequired.class)
class ContainerFaultsAndJournalIT extends FaultsAndJournalContract {

  @RegisterExtension
  static final LivedigitalMockExtension MOCK = LivedigitalMockExtension.builder().mode(Mode.CONTAINER)
      .image(DockerRequired.IMAGE).webhookRetryInterval(Duration.ofMillis(200)).build();
}
