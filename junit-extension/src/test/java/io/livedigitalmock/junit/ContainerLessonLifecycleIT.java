package io.livedigitalmock.junit;

import org.junit.jupiter.api.extension.ExtendWith;

/** The same tests against the image, by switching {@link LivedigitalMock#mode()}. */
@ExtendWith(DockerRequired.class)
@LivedigitalMock(webhookRetryIntervalSeconds = 0.2, mode = Mode.CONTAINER)
class ContainerLessonLifecycleIT extends LessonLifecycleContract {
}
