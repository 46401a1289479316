package org.bridgeway.directory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the service under test. */
final class Api {

    /** {@code body} is the JSON answer, a null node for any other (the OpenAPI description as YAML, say). */
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

    Response put(String path, String token, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), token, headers);
    }

    Response delete(String path, String token, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token, headers);
    }

    /** A body of any type, as given; a publisher of unknown length sends it chunked, without Content-Length. */
    Response post(String path, String token, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(body), token, Map.of());
    }

    /**
     * Sends only the head of a POST announcing a body of that length, and reads the answer: whether the
     * service refuses an upload before it is sent. HttpClient cannot announce a length it does not send.
     */
    Response postHeadOnly(String path, String token, String contentType, long contentLength) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.computeIfAbsent(header.substring(0, colon).strip(), name -> new ArrayList<>()).add(header.substring(colon + 1).strip());
            }
            Response response = new Response(status, headers, JSON.nullNode());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                     size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else if (response.header("Content-Length") != null) {
                body.write(in.readNBytes(Integer.parseInt(response.header("Content-Length"))));
            }
            return new Response(status, headers, body.size() == 0 ? JSON.nullNode() : JSON.readTree(body.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new EOFException("the connection closed in the middle of a response");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).stripTrailing();
    }

    private Response send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").map(type -> type.contains("json")).orElse(false);
            JsonNode body = response.body().isBlank() || !json ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().map(), body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
