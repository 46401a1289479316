package org.bridgeway.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Ports and the data folder, from the environment so that ./bridgeway and the end-to-end test
 * can move everything aside (BRIDGEWAY_KAFKA_PORT, BRIDGEWAY_DATA_DIR, ...).
 */
record LocalStackSettings(
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int imapPort,
        int healthPort,
        Path dataDir) {

    static LocalStackSettings from(Map<String, String> env) {
        return new LocalStackSettings(
                port(env, "BRIDGEWAY_KAFKA_PORT", 9092),
                port(env, "BRIDGEWAY_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "BRIDGEWAY_MONGO_PORT", 27017),
                port(env, "BRIDGEWAY_SMTP_PORT", 3025),
                port(env, "BRIDGEWAY_IMAP_PORT", 3143),
                port(env, "BRIDGEWAY_LOCAL_STACK_PORT", 9091),
                Path.of(env.getOrDefault("BRIDGEWAY_DATA_DIR", "var/data")).toAbsolutePath());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number from 1 to 65535, not '" + value + "'");
        }
    }
}
