package es.faro.client.cache;

/** Told after each committed batch of cache writes; called on the cache's writer thread, so it must not block. */
@FunctionalInterface
public interface CacheListener {
    void changed(CacheChange change);
}
