package org.bridgeway.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as a user starts it: {@code ./bridgeway run}, here on free ports and a
 * var folder of its own so it never meets a platform a developer is running.
 */
final class Platform implements AutoCloseable {

    static final List<String> PORTS = List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "SMTP_PORT", "IMAP_PORT",
            "LOCAL_STACK_PORT", "IDENTITY_PORT", "DIRECTORY_PORT", "REFERRAL_PORT", "NOTIFICATION_PORT", "WEB_PORT", "GATEWAY_PORT");

    private final Path root;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Path output;
    private Process run;

    Platform(Path root, Path varDir) throws IOException {
        this.root = root;
        Set<Integer> chosen = new HashSet<>();
        for (String name : PORTS) {
            env.put("BRIDGEWAY_" + name, String.valueOf(freePort(chosen)));
        }
        env.put("BRIDGEWAY_VAR_DIR", varDir.toString());
        env.put("BRIDGEWAY_BUILD", "never"); // the reactor has just built every jar
        this.output = Files.createDirectories(varDir).resolve("run-output.txt");
    }

    String gateway() {
        return "http://localhost:" + env.get("BRIDGEWAY_GATEWAY_PORT");
    }

    String identity() {
        return "http://localhost:" + env.get("BRIDGEWAY_IDENTITY_PORT");
    }

    int port(String portName) {
        return Integer.parseInt(env.get("BRIDGEWAY_" + portName));
    }

    String service(String portName) {
        return "http://localhost:" + env.get("BRIDGEWAY_" + portName);
    }

    /** Starts ./bridgeway run and waits until it says every process is healthy. */
    Duration start() throws Exception {
        long begin = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bridgeway").toString(), "run")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        run = builder.start();
        long deadline = System.currentTimeMillis() + 240_000;
        while (!output().contains("Bridgeway is running")) {
            if (!run.isAlive()) {
                throw new IllegalStateException("./bridgeway run ended with " + run.exitValue() + ":\n" + output() + logs());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("not healthy in time:\n" + output() + logs());
            }
            Thread.sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** ./bridgeway stop from another shell; the running ./bridgeway run must end cleanly. */
    int stop() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bridgeway").toString(), "stop")
                .directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process stop = builder.start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new IllegalStateException("./bridgeway run did not end after ./bridgeway stop");
        }
        return run.exitValue();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    private String logs() throws IOException {
        StringBuilder logs = new StringBuilder();
        Path dir = Path.of(env.get("BRIDGEWAY_VAR_DIR"), "logs");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path log : files.toList()) {
                    List<String> lines = Files.readAllLines(log);
                    logs.append("\n--- ").append(log.getFileName()).append(" (end)\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
            }
        }
        return logs.toString();
    }

    @Override
    public void close() throws Exception {
        if (run != null && run.isAlive()) {
            stop();
        }
    }

    /**
     * A port free now, below the range the system hands out to outgoing connections (from 32768
     * on Linux, 49152 elsewhere). A port the system picked from that range was once taken by some
     * client's connection before identity could listen on it, and the run failed.
     */
    private static int freePort(Set<Integer> chosen) throws IOException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            if (chosen.add(port) && free(port)) {
                return port;
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
