package com.example.classroom;

import io.livedigitalmock.junit.LivedigitalMock;
import io.livedigitalmock.junit.Mode;

/**
 * The same test against the mock's Docker image: one attribute switched. The app's webhook endpoint
 * listens on 127.0.0.1 and still gets the webhooks. Without a Docker engine it is skipped (on CI,
 * CI=true, it fails).
 */
@LivedigitalMock(mode = Mode.CONTAINER)
class ClassroomAppContainerTest extends ClassroomAppTest {
}
