package org.bridgeway.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.bridgeway.notification.delivery.DeliveryFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The GOV.UK Notify transport, with Notify's official client, against a stub of Notify's HTTP API. */
class NotifyTransportTest {

    private static final String SERVICE_ID = UUID.randomUUID().toString();
    private static final String API_KEY = "bridgeway_test-" + SERVICE_ID + "-" + UUID.randomUUID();
    private static final String TEMPLATE_ID = UUID.randomUUID().toString();

    record Call(String path, String authorization, JsonNode body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer notify;

    @AfterEach
    void stop() {
        notify.stop(0);
    }

    @Test
    void sendsTheEmailThroughTheTemplateWithSubjectAndBody() throws Exception {
        NotifyTransport transport = transport(201);

        transport.send(new Email("referrals@greendoctors.example", "New referral: BW-7K3Q9", "Referral BW-7K3Q9 is waiting.",
                "<p>ignored by Notify</p>", "BW-7K3Q9"));

        Call call = calls.getFirst();
        assertThat(call.path()).isEqualTo("/v2/notifications/email");
        assertThat(call.authorization()).startsWith("Bearer ");
        assertThat(call.body().get("template_id").asString()).isEqualTo(TEMPLATE_ID);
        assertThat(call.body().get("email_address").asString()).isEqualTo("referrals@greendoctors.example");
        assertThat(call.body().get("reference").asString()).isEqualTo("BW-7K3Q9");
        assertThat(call.body().get("personalisation").get("subject").asString()).isEqualTo("New referral: BW-7K3Q9");
        assertThat(call.body().get("personalisation").get("body").asString()).isEqualTo("Referral BW-7K3Q9 is waiting.");
    }

    @Test
    void aRefusedRequestIsPermanentAndAnOutageIsTemporary() throws Exception {
        Email email = new Email("x@example.org", "s", "b", "<p>b</p>", "BW-1");
        assertThatThrownBy(() -> transport(400).send(email)).isInstanceOf(DeliveryFailure.class)
                .matches(e -> ((DeliveryFailure) e).permanent()).hasMessageContaining("HTTP 400");
        stop();
        assertThatThrownBy(() -> transport(429).send(email)).matches(e -> !((DeliveryFailure) e).permanent());
        stop();
        assertThatThrownBy(() -> transport(503).send(email)).matches(e -> !((DeliveryFailure) e).permanent());
    }

    private NotifyTransport transport(int status) throws IOException {
        notify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notify.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                        JsonMapper.builder().build().readTree(in.readAllBytes())));
            }
            byte[] body = (status == 201 ? """
                    {"id":"%s","reference":"BW-7K3Q9","uri":"https://notify.test/v2/notifications/1",
                     "template":{"id":"%s","version":1,"uri":"https://notify.test/templates/1"},
                     "content":{"body":"Referral BW-7K3Q9 is waiting.","subject":"New referral: BW-7K3Q9","from_email":"bridgeway@notify.test"}}
                    """.formatted(UUID.randomUUID(), TEMPLATE_ID)
                    : """
                    {"status_code":%d,"errors":[{"error":"BadRequestError","message":"refused"}]}""".formatted(status))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        notify.start();
        return new NotifyTransport(API_KEY, "http://127.0.0.1:" + notify.getAddress().getPort(), TEMPLATE_ID);
    }
}
