package org.bridgeway.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

/** A MongoDB wire-protocol server whose data lives in one H2 file, so it survives restarts. */
final class MongoStore implements AutoCloseable {

    /**
     * MB of decoded pages H2 keeps in memory. Its default (16) makes unique-index checks and reads
     * deserialise pages again from the file once the data outgrows it; much more keeps so many
     * decoded documents alive that the heap spends its time in full collections.
     */
    private static final int PAGE_CACHE_MB = 64;
    /**
     * How long H2 keeps a chunk it has written before it may drop it, so that reads which started
     * on an older version can still find their pages. Its default (45 s) is shorter than a full
     * scan of a large collection under load, which then fails ("Chunk not found"). It only guards
     * chunks younger than this: see {@link #start} for the older ones.
     */
    private static final int RETENTION_MS = 10 * 60 * 1000;

    private final MongoServer server;

    private MongoStore(MongoServer server) {
        this.server = server;
    }

    static MongoStore start(Path dataDir, int port) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        MVStore store = new MVStore.Builder().fileName(dir.resolve("bridgeway.mv").toString()).cacheSize(PAGE_CACHE_MB).open();
        store.setRetentionTime(RETENTION_MS);
        // Opening the backend walks every collection to rebuild its indexes, for half a minute on a
        // large store, while H2's background compaction moves pages out of old, sparse chunks and
        // drops them. Without this pin on the version being read, the walk fails on a dropped chunk
        // ("Chunk N not found") and the store cannot be opened, though no data is lost (h2database#2590).
        MVStore.TxCounter opening = store.registerVersionUsage();
        MongoServer server;
        try {
            server = new MongoServer(new LocalH2Backend(store));
        } finally {
            store.deregisterVersionUsage(opening);
        }
        server.bind("127.0.0.1", port);
        return new MongoStore(server);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
