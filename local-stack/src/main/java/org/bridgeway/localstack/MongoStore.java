package org.bridgeway.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** A MongoDB wire-protocol server whose data lives in one H2 file, so it survives restarts. */
final class MongoStore implements AutoCloseable {

    private final MongoServer server;

    private MongoStore(MongoServer server) {
        this.server = server;
    }

    static MongoStore start(Path dataDir, int port) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("mongo"));
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("bridgeway.mv").toString()));
        server.bind("127.0.0.1", port);
        return new MongoStore(server);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
