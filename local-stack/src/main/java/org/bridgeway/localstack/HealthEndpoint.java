package org.bridgeway.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;

/** GET /health answers 200 {"status":"UP"} when every part is up, else 503; ./bridgeway waits on it. */
final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    private HealthEndpoint(HttpServer server) {
        this.server = server;
    }

    static HealthEndpoint start(int port, BooleanSupplier up) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/health", exchange -> {
            boolean healthy = up.getAsBoolean();
            byte[] body = ("{\"status\":\"" + (healthy ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new HealthEndpoint(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
