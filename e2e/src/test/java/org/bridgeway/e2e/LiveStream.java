package org.bridgeway.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The live notification stream (Server-Sent Events) as a browser holds it open, read line by line. */
final class LiveStream implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;

    private LiveStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
    }

    static LiveStream open(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the stream answered " + response.statusCode());
        }
        return new LiveStream(response);
    }

    boolean received(String reference, String kind) {
        return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(reference) && line.contains(kind));
    }

    @Override
    public void close() {
        response.body().close();
    }
}
