package io.livedigitalmock.junit;

/** {@link FaultsAndJournalContract} against the mock in this JVM. */
@LivedigitalMock
class InProcessFaultsAndJournalTest extends FaultsAndJournalContract {
}
