package org.bridgeway.notification;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the service under test. */
final class Api {

    record Response(int status, Map<String, java.util.List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, Map.of());
    }

    Response post(String path, String token, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token, headers);
    }

    Response put(String path, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), token, Map.of());
    }

    /** The status of opening a stream such as the live notifications: its head comes at once, with an opening comment. */
    Response stream(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .timeout(java.time.Duration.ofSeconds(5)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Response(response.statusCode(), response.headers().map(), JSON.nullNode());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain-text page, such as the metrics scrape. */
    String text(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().map(), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
