package org.bridgeway.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** An organisation's webhook endpoint: records each call and answers with the status it is told to. */
final class TestWebhook implements AutoCloseable {

    record Call(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final int status;

    TestWebhook(int status) {
        this.status = status;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), in.readAllBytes()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Call> calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
