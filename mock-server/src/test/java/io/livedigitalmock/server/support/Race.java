package io.livedigitalmock.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same request from many threads at once, released together by one start gate. */
public final class Race {

  private Race() {
  }

  /** The HTTP statuses of {@code n} concurrent calls of {@code request}, in no particular order. */
  public static List<Integer> statuses(int n, Callable<Integer> request) throws Exception {
    List<Callable<Integer>> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(request);
    }
    return statuses(requests);
  }

  /** The statuses of the given calls, each on its own thread, all started at the same moment. */
  public static List<Integer> statuses(List<Callable<Integer>> requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(requests.size());
    CountDownLatch ready = new CountDownLatch(requests.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> request : requests) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          if (!start.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("start gate never opened");
          }
          return request.call();
        }));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not every thread got to the start gate");
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get(60, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
