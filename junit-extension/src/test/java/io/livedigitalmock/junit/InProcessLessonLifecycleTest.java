package io.livedigitalmock.junit;

@LivedigitalMock(webhookRetryIntervalSeconds = 0.2)
class InProcessLessonLifecycleTest extends LessonLifecycleContract {
}
