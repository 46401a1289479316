package org.bridgeway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.COMPOSE_DIR;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.COMPOSE_FILE;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.REALM_FILE;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.ROOT;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.SERVICE_MODULES;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.applicationYml;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.bridgewayPlaceholders;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.environment;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.json;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.mainSources;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.read;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.serverPort;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.texts;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.yaml;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bridgeway.deploy.ComposeAndObservabilitySupport.Placeholder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * deploy/compose/docker-compose.yml: the services get every setting their application.yml needs,
 * infrastructure is waited for by its health, secrets only come from .env, the topics are the
 * local stack's, and sign-in uses one Keycloak address inside and outside the network.
 */
class ComposeAndObservabilityTest {

    private final JsonNode compose = yaml(COMPOSE_FILE);
    private final JsonNode services = compose.path("services");

    /** Placeholders with an empty default that the services do not need in compose. */
    private static final Set<String> OPTIONAL = Set.of(
            "BRIDGEWAY_SMTP_USERNAME", "BRIDGEWAY_SMTP_PASSWORD", // Mailpit takes mail without signing in
            "BRIDGEWAY_NOTIFY_API_KEY", "BRIDGEWAY_NOTIFY_EMAIL_TEMPLATE_ID", // GOV.UK Notify: transport smtp here
            "BRIDGEWAY_RATE_LIMIT_REDIS_URI"); // one gateway: its buckets stay in memory

    /** A secret's value in compose: a reference to .env, required (":?"), never with a default. */
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::\\?[^}]*)?}");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?([^}]*)}");

    private JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertThat(service.isObject()).as("compose service %s", name).isTrue();
        return service;
    }

    private Map<String, String> env(String name) {
        return environment(service(name));
    }

    private static boolean isSecretName(String variable) {
        return variable.matches(".*(SECRET|PASSWORD|KEY).*") && !variable.endsWith("ID");
    }

    @Test
    void theComposeFileParsesAndRunsEveryServiceFromItsImage() {
        assertThat(compose.path("name").asString()).isEqualTo("bridgeway");
        Map<String, String> images = new TreeMap<>();
        services.properties().forEach(e -> {
            String image = e.getValue().path("image").asString();
            if (image.startsWith("bridgeway/")) {
                images.put(e.getKey(), image);
            }
        });
        Map<String, String> expected = new TreeMap<>();
        SERVICE_MODULES.forEach(m -> expected.put(m, "bridgeway/" + m + ":${BRIDGEWAY_VERSION:-0.1.0-SNAPSHOT}"));
        assertThat(images).as("services run from the Jib images, named after their modules").isEqualTo(expected);
        assertThat(services.has("identity")).as("Keycloak replaces the local identity provider").isFalse();
    }

    @Test
    void everyDependencyIsWaitedForByItsHealthOrCompletion() {
        List<String> problems = new ArrayList<>();
        services.properties().forEach(e -> {
            JsonNode dependsOn = e.getValue().path("depends_on");
            if (dependsOn.isMissingNode()) {
                return;
            }
            if (!dependsOn.isObject()) {
                problems.add(e.getKey() + ": depends_on must be the long form, with a condition");
                return;
            }
            dependsOn.properties().forEach(d -> {
                String on = d.getKey();
                String condition = d.getValue().path("condition").asString();
                JsonNode dependency = services.path(on);
                if (!dependency.isObject()) {
                    problems.add(e.getKey() + " depends on unknown service " + on);
                } else if (isOneShot(dependency)) {
                    expect(problems, e.getKey(), on, condition, "service_completed_successfully");
                } else if (isBridgewayService(dependency)) {
                    // No shell in the images, so no health check: started is all compose can know.
                    expect(problems, e.getKey(), on, condition, "service_started");
                } else {
                    if (!dependency.has("healthcheck")) {
                        problems.add(on + " is waited for but has no healthcheck");
                    }
                    expect(problems, e.getKey(), on, condition, "service_healthy");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    private static boolean isOneShot(JsonNode service) {
        return service.path("restart").asString().equals("no");
    }

    private static boolean isBridgewayService(JsonNode service) {
        return service.path("image").asString().startsWith("bridgeway/");
    }

    private static void expect(List<String> problems, String service, String on, String condition, String expected) {
        if (!condition.equals(expected)) {
            problems.add(service + " waits for " + on + " with '" + condition + "', expected " + expected);
        }
    }

    @Test
    void servicesWaitForTheInfrastructureTheirSettingsNameToBeHealthy() {
        for (String module : SERVICE_MODULES) {
            Map<String, String> env = env(module);
            JsonNode dependsOn = service(module).path("depends_on");
            if (env.containsKey("BRIDGEWAY_MONGO_URI")) {
                assertThat(dependsOn.path("mongo").path("condition").asString()).as(module + " on mongo").isEqualTo("service_healthy");
            }
            if (env.containsKey("BRIDGEWAY_KAFKA_BOOTSTRAP")) {
                assertThat(dependsOn.path("kafka").path("condition").asString()).as(module + " on kafka").isEqualTo("service_healthy");
                assertThat(dependsOn.path("kafka-topics").path("condition").asString()).as(module + " on the topics")
                        .isEqualTo("service_completed_successfully");
            }
            if (env.containsKey("BRIDGEWAY_ISSUER")) {
                assertThat(dependsOn.path("keycloak").path("condition").asString()).as(module + " on keycloak").isEqualTo("service_healthy");
            }
        }
        for (String infrastructure : List.of("mongo", "kafka", "keycloak", "mailpit", "prometheus")) {
            JsonNode test = service(infrastructure).path("healthcheck").path("test");
            assertThat(test.isArray() && test.size() > 1).as(infrastructure + " has a health check command").isTrue();
        }
        assertThat(String.join(" ", texts(service("mongo").path("healthcheck")))).as("mongo initiates its replica set")
                .contains("rs.initiate").contains("rs0").contains("isWritablePrimary");
        assertThat(String.join(" ", texts(service("mongo").path("command")))).contains("--replSet").contains("rs0");
    }

    @Test
    void everyServiceGetsTheSettingsItsApplicationYmlNeeds() {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String module : SERVICE_MODULES) {
            Map<String, String> env = env(module);
            for (Placeholder p : bridgewayPlaceholders(applicationYml(module)).values()) {
                boolean required = !p.hasDefault()
                        || (p.defaultValue().isEmpty() && !OPTIONAL.contains(p.name()))
                        // A default that points at this machine is the local run's, wrong in a container.
                        || p.defaultValue().contains("localhost");
                if (required && !env.containsKey(p.name())) {
                    missing.computeIfAbsent(module, m -> new TreeSet<>()).add(p.name());
                }
            }
        }
        assertThat(missing).as("settings without a usable default that compose does not give").isEmpty();
    }

    @Test
    void referralServiceGetsItsEncryptionKeys() {
        // The names Spring binds: ProtectionConfig (keys, active-key-id) and ResidentMatching (matching-key).
        String sources = mainSources("referral-service");
        assertThat(sources).contains("@ConfigurationProperties(\"bridgeway.referrals.encryption\")")
                .contains("record EncryptionProperties(Map<String, String> keys, String activeKeyId)")
                .contains("${bridgeway.referrals.encryption.matching-key");
        Map<String, String> env = env("referral-service");
        assertThat(env).containsKeys("BRIDGEWAY_REFERRALS_ENCRYPTION_ACTIVEKEYID", "BRIDGEWAY_REFERRALS_ENCRYPTION_MATCHINGKEY");
        Set<String> keyIds = new TreeSet<>();
        env.keySet().stream().filter(k -> k.startsWith("BRIDGEWAY_REFERRALS_ENCRYPTION_KEYS_"))
                .forEach(k -> keyIds.add(k.substring("BRIDGEWAY_REFERRALS_ENCRYPTION_KEYS_".length()).toLowerCase()));
        assertThat(keyIds).as("at least one encryption key").isNotEmpty();
        Matcher active = COMPOSE_VARIABLE.matcher(env.get("BRIDGEWAY_REFERRALS_ENCRYPTION_ACTIVEKEYID"));
        assertThat(active.matches()).isTrue();
        assertThat(keyIds).as("the active key id's default is one of the keys given").contains(active.group(3));
    }

    @Test
    void everyServiceRunsOutsideTheLocalProfileWithJsonLogsTracesAndHistograms() {
        for (String module : SERVICE_MODULES) {
            Map<String, String> env = env(module);
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(module + ": the local profile loads demo secrets")
                    .isNotBlank().doesNotContain("local");
            assertThat(env).as(module).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                    .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
            // The dashboards' p95 latency needs the histogram buckets, which every service turns on itself.
            assertThat(read(ROOT.resolve(module + "/src/main/resources/application.yml"))).as(module)
                    .containsPattern("percentiles-histogram:\\s+http\\.server\\.requests: true");
            URI otlp = URI.create(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"));
            assertThat(services.has(otlp.getHost())).as(module + ": traces go to a compose service").isTrue();
            assertThat(otlp.getPort()).isEqualTo(4318);
            assertThat(otlp.getPath()).isEqualTo("/v1/traces");
        }
        assertThat(read(COMPOSE_DIR.resolve("../observability/tempo/tempo.yml")))
                .as("Tempo receives OTLP over HTTP on 4318").contains("0.0.0.0:4318");
    }

    @Test
    void serviceAddressesPointAtComposeServicesOnTheirPorts() {
        Map<String, String> gateway = env("gateway");
        Map<String, String> routes = Map.of("BRIDGEWAY_DIRECTORY_URL", "directory-service", "BRIDGEWAY_REFERRAL_URL", "referral-service",
                "BRIDGEWAY_NOTIFICATION_URL", "notification-service", "BRIDGEWAY_WEB_URL", "web");
        routes.forEach((variable, module) ->
                assertThat(gateway.get(variable)).as(variable).isEqualTo("http://" + module + ":" + serverPort(module)));
        assertThat(env("web").get("BRIDGEWAY_GATEWAY_URL")).isEqualTo("http://gateway:" + serverPort("gateway"));
        for (String module : SERVICE_MODULES) {
            Map<String, String> env = env(module);
            if (env.containsKey("BRIDGEWAY_MONGO_URI")) {
                URI mongo = URI.create(env.get("BRIDGEWAY_MONGO_URI"));
                assertThat(mongo.getHost()).isEqualTo("mongo");
                assertThat(mongo.getQuery()).as("a replica set, so the driver finds the primary").isEqualTo("replicaSet=rs0");
            }
            if (env.containsKey("BRIDGEWAY_KAFKA_BOOTSTRAP")) {
                assertThat(env.get("BRIDGEWAY_KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");
            }
        }
        assertThat(env("kafka").get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka:9092");
        Map<String, String> notification = env("notification-service");
        assertThat(services.has(notification.get("BRIDGEWAY_SMTP_HOST"))).as("the SMTP sink is a compose service").isTrue();
        assertThat(notification.get("BRIDGEWAY_SMTP_PORT")).isEqualTo("1025");
        assertThat(env("web")).containsEntry("BRIDGEWAY_SECURE_COOKIES", "false");
    }

    @Test
    void signInUsesOneKeycloakAddressInsideAndOutsideTheNetwork() {
        JsonNode realm = json(REALM_FILE);
        JsonNode keycloak = service("keycloak");
        Map<String, String> kc = environment(keycloak);
        URI hostname = URI.create(kc.get("KC_HOSTNAME"));
        String issuer = hostname + "/realms/" + realm.path("realm").asString();

        Set<String> aliases = new TreeSet<>();
        keycloak.path("networks").path("default").path("aliases").forEach(a -> aliases.add(a.asString()));
        assertThat(aliases).as("the public Keycloak host resolves inside the network too").contains(hostname.getHost());
        assertThat(hostname.getHost()).as("browsers send *.localhost to this machine").endsWith(".localhost");
        assertThat(kc.get("KC_HTTP_PORT")).as("Keycloak listens on the port of its public address")
                .isEqualTo(String.valueOf(hostname.getPort()));
        assertThat(publishedPorts(keycloak)).contains(hostname.getPort() + ":" + hostname.getPort());

        String audience = bridgewayPlaceholders(applicationYml("directory-service")).get("BRIDGEWAY_AUDIENCE").defaultValue();
        for (String module : SERVICE_MODULES) {
            Map<String, String> env = env(module);
            assertThat(env.get("BRIDGEWAY_ISSUER")).as(module).isEqualTo(issuer);
            if (env.containsKey("BRIDGEWAY_JWK_SET_URI")) {
                assertThat(env.get("BRIDGEWAY_JWK_SET_URI")).as(module).isEqualTo(issuer + "/protocol/openid-connect/certs");
            }
            if (env.containsKey("BRIDGEWAY_AUDIENCE")) {
                assertThat(env.get("BRIDGEWAY_AUDIENCE")).as(module).isEqualTo(audience);
            }
        }
        assertThat(env("gateway").get("BRIDGEWAY_IDENTITY_URL")).isEqualTo(hostname.toString());
        assertThat(kc.get("BRIDGEWAY_WEB_CLIENT_SECRET")).as("Keycloak and the web share one client secret")
                .isEqualTo(env("web").get("BRIDGEWAY_WEB_CLIENT_SECRET"));
        assertThat(String.join(" ", texts(keycloak.path("command")))).contains("--import-realm");
        assertThat(texts(keycloak.path("volumes"))).contains("../keycloak/bridgeway-realm.json:/opt/keycloak/data/import/bridgeway-realm.json:ro");
    }

    @Test
    void keycloakGetsEveryPlaceholderOfTheRealmFile() {
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(read(REALM_FILE));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(env("keycloak").keySet()).containsAll(used);
    }

    @Test
    void noSecretIsWrittenInTheComposeFile() {
        List<String> literal = new ArrayList<>();
        services.properties().forEach(s -> environment(s.getValue()).forEach((name, value) -> {
            if (isSecretName(name) && !SECRET_REFERENCE.matcher(value).matches()) {
                literal.add(s.getKey() + ": " + name);
            }
        }));
        assertThat(literal).as("secrets must be ${...} references to .env, required and without a default").isEmpty();
        services.properties().forEach(s -> assertThat(s.getValue().path("environment").isArray())
                .as(s.getKey() + ": environment as a map, so it can be checked").isFalse());
    }

    @Test
    void theEnvExampleListsEveryRequiredVariableWithoutValues() {
        Set<String> required = new TreeSet<>();
        Matcher m = COMPOSE_VARIABLE.matcher(read(COMPOSE_FILE));
        while (m.find()) {
            if (m.group(2) == null || m.group(2).endsWith("?")) {
                required.add(m.group(1));
            }
        }
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : read(COMPOSE_DIR.resolve(".env.example")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                example.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(example.keySet()).as("every variable compose requires is in .env.example").containsAll(required);
        assertThat(required).as("and .env.example asks for nothing compose does not use").containsAll(example.keySet());
        example.forEach((name, value) -> assertThat(value).as(name + " in .env.example is left for the operator").isEmpty());
        assertThat(read(COMPOSE_DIR.resolve(".gitignore")).lines()).contains(".env");
    }

    @Test
    void onlyTheEntryPointsArePublishedAndOnlyOnThisMachine() {
        Map<String, Set<String>> published = new TreeMap<>();
        services.properties().forEach(s -> {
            Set<String> ports = publishedPorts(s.getValue());
            if (!ports.isEmpty()) {
                published.put(s.getKey(), ports);
            }
            s.getValue().path("ports").forEach(p -> assertThat(p.asString()).as(s.getKey()).startsWith("127.0.0.1:"));
        });
        assertThat(published).isEqualTo(Map.of(
                "gateway", Set.of("8080:8080"),
                "keycloak", Set.of("8180:8180"),
                "grafana", Set.of("3000:3000"),
                "mailpit", Set.of("8025:8025")));
        assertThat(publishedPorts(service("gateway"))).contains(serverPort("gateway") + ":" + serverPort("gateway"));
    }

    private static Set<String> publishedPorts(JsonNode service) {
        Set<String> ports = new LinkedHashSet<>();
        service.path("ports").forEach(p -> {
            String[] parts = p.asString().split(":");
            ports.add(parts[parts.length - 2] + ":" + parts[parts.length - 1]);
        });
        return ports;
    }

    @Test
    void everyMountedFileExists() {
        List<String> missing = new ArrayList<>();
        services.properties().forEach(s -> s.getValue().path("volumes").forEach(v -> {
            String source = v.asString().split(":")[0];
            if (source.startsWith(".") && !Files.exists(COMPOSE_DIR.resolve(source).normalize())) {
                missing.add(s.getKey() + ": " + source);
            }
        }));
        assertThat(missing).isEmpty();
        Set<String> named = new TreeSet<>();
        compose.path("volumes").propertyNames().forEach(named::add);
        services.properties().forEach(s -> s.getValue().path("volumes").forEach(v -> {
            String source = v.asString().split(":")[0];
            if (!source.startsWith(".") && !source.startsWith("/")) {
                assertThat(named).as(s.getKey() + " uses a declared volume").contains(source);
            }
        }));
    }

    // ------------------------------------------------------------------ topics

    record Topic(String name, int partitions, Set<String> configs) {
    }

    @Test
    void theTopicsOfTheLocalStackAreCreated() {
        String java = read(ROOT.resolve("local-stack/src/main/java/org/bridgeway/localstack/Topics.java"));
        Map<String, Set<String>> configSets = new TreeMap<>();
        Matcher constants = Pattern.compile("Map<String, String> (\\w+) = Map\\.of\\(([^)]*)\\)").matcher(java);
        while (constants.find()) {
            List<String> parts = new ArrayList<>();
            Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(constants.group(2));
            while (quoted.find()) {
                parts.add(quoted.group(1));
            }
            Set<String> configs = new TreeSet<>();
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                configs.add(parts.get(i) + "=" + parts.get(i + 1));
            }
            configSets.put(constants.group(1), configs);
        }
        Map<String, Topic> expected = new TreeMap<>();
        Matcher topics = Pattern.compile("topic\\(\"([^\"]+)\",\\s*(\\d+),\\s*(\\w+)\\)").matcher(java);
        while (topics.find()) {
            assertThat(configSets).as("settings " + topics.group(3)).containsKey(topics.group(3));
            expected.put(topics.group(1), new Topic(topics.group(1), Integer.parseInt(topics.group(2)), configSets.get(topics.group(3))));
        }
        assertThat(expected).as("topics read from Topics.java").hasSizeGreaterThanOrEqualTo(9);

        Path script = COMPOSE_DIR.resolve("kafka/create-topics.sh");
        Map<String, Topic> created = new TreeMap<>();
        for (String line : read(script).split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[0].equals("create")) {
                Set<String> configs = new TreeSet<>(List.of(words).subList(3, words.length));
                created.put(words[1], new Topic(words[1], Integer.parseInt(words[2]), configs));
            }
        }
        assertThat(created).isEqualTo(expected);
        assertThat(read(script)).contains("--if-not-exists").contains("--replication-factor 1");

        JsonNode init = service("kafka-topics");
        assertThat(texts(init.path("volumes"))).contains("./kafka/create-topics.sh:/scripts/create-topics.sh:ro");
        assertThat(String.join(" ", texts(init.path("entrypoint")))).contains("/scripts/create-topics.sh");
        assertThat(env("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }
}
