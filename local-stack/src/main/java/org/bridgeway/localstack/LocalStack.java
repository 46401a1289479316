package org.bridgeway.localstack;

import java.net.BindException;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded infrastructure of the one-command run: Kafka, the MongoDB stand-in and the mail
 * server, in one JVM. Stops cleanly on SIGTERM or Ctrl-C.
 */
public final class LocalStack {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.from(System.getenv());
            checkPortsFree(settings);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        stack.start(settings);
        stopped.await();
    }

    private void start(LocalStackSettings s) throws Exception {
        long begin = System.nanoTime();
        started.push(MongoStore.start(s.dataDir(), s.mongoPort()));
        System.out.println("MongoDB wire protocol (mongo-java-server, H2) on localhost:" + s.mongoPort());
        started.push(MailServer.start(s.smtpPort(), s.imapPort()));
        System.out.println("SMTP on localhost:" + s.smtpPort() + ", IMAP on localhost:" + s.imapPort());
        KafkaBroker kafka = KafkaBroker.start(s.dataDir(), s.kafkaPort(), s.kafkaControllerPort());
        started.push(kafka);
        kafka.createTopics();
        System.out.println("Kafka (KRaft) on " + kafka.bootstrapServers() + ", topics " + Topics.ALL.stream().map(t -> t.name()).toList());
        started.push(HealthEndpoint.start(s.healthPort(), kafka::healthy));
        System.out.printf("local-stack ready in %d ms, data in %s, health on http://localhost:%d/health%n",
                (System.nanoTime() - begin) / 1_000_000, s.dataDir(), s.healthPort());
    }

    private synchronized void stop() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("local-stack: stopping " + part.getClass().getSimpleName() + " failed: " + e);
            }
        }
        System.out.println("local-stack stopped");
    }

    /** Fails early with the port's name rather than half-way through starting. */
    private static void checkPortsFree(LocalStackSettings s) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("BRIDGEWAY_KAFKA_PORT", s.kafkaPort());
        ports.put("BRIDGEWAY_KAFKA_CONTROLLER_PORT", s.kafkaControllerPort());
        ports.put("BRIDGEWAY_MONGO_PORT", s.mongoPort());
        ports.put("BRIDGEWAY_SMTP_PORT", s.smtpPort());
        ports.put("BRIDGEWAY_IMAP_PORT", s.imapPort());
        ports.put("BRIDGEWAY_LOCAL_STACK_PORT", s.healthPort());
        ports.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (BindException e) {
                throw new IllegalStateException("port " + port + " (" + name + ") is already in use: stop what uses it or set " + name + " to another port");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot open port " + port + " (" + name + "): " + e.getMessage());
            }
        });
    }
}
