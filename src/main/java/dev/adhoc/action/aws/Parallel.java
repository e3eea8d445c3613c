package dev.adhoc.action.aws;

import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Independent AWS calls made concurrently (a handful at a time), results in input order. */
public final class Parallel {
    private static final int THREADS = 5;

    private Parallel() {
    }

    public static <K, V> Map<K, V> map(List<K> keys, Function<K, V> call) {
        Map<K, V> results = new LinkedHashMap<>();
        if (keys.isEmpty()) return results;
        if (keys.size() == 1) {
            results.put(keys.get(0), call.apply(keys.get(0)));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, keys.size()), runnable -> {
            Thread thread = new Thread(runnable, "adhoc-aws");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<V>> futures = new ArrayList<>();
            for (K key : keys) futures.add(pool.submit(() -> call.apply(key)));
            for (int i = 0; i < keys.size(); i++) {
                try {
                    results.put(keys.get(i), futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdhocFailure(FailureReason.INTERRUPTED, "The run was interrupted while calling AWS.");
        } finally {
            pool.shutdownNow();
        }
    }
}
