package org.bridgeway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.bridgeway.deploy.NetworkPolicies.Endpoint.bridgeway;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bridgeway.deploy.NetworkPolicies.Endpoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Renders every overlay of deploy/k8s with {@code kubectl kustomize} and checks what a cluster
 * would be given: healthy, bounded, unprivileged pods; configuration without secrets or demo
 * settings; only the flows of ARCHITECTURE.md through the network; Kafka topics and MongoDB users
 * as the services expect them.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path REPOSITORY = Path.of("..");

    /** The services every overlay runs, with their ports (server.port in each application.yml). */
    private static final Map<String, Integer> SERVICES = orderedMap(
            "gateway", 8080, "directory-service", 8081, "referral-service", 8082,
            "notification-service", 8083, "web", 8084);
    /** The services that own a database and use Kafka. */
    private static final Map<String, String> DATABASE_OWNERS = orderedMap(
            "directory-service", "directory-service", "referral-service", "referral-service",
            "notification-service", "notification-service");
    /** The local OpenID Connect provider: dev overlay only, one replica (its key and people are files). */
    private static final String IDENTITY = "identity";
    private static final int IDENTITY_PORT = 9000;

    private static final Endpoint INGRESS_CONTROLLER = Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Endpoint PROMETHEUS = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Endpoint ANOTHER_NAMESPACE = Endpoint.pod("someone-else", Map.of("app", "curious"));
    private static final Endpoint KUBE_DNS = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
    private static final Endpoint KAFKA_BROKER = Endpoint.pod("bridgeway", Map.of(
            "strimzi.io/cluster", "bridgeway-kafka", "strimzi.io/kind", "Kafka", "strimzi.io/name", "bridgeway-kafka-kafka"));
    private static final Endpoint MONGODB_MEMBER = Endpoint.pod("bridgeway", Map.of("app", "bridgeway-mongodb-svc"));
    private static final Endpoint INTERNET = Endpoint.internet();

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ParameterizedTest(name = "{0} overlay")
    @ValueSource(strings = {"dev", "production"})
    @interface InEveryOverlay {
    }

    static RenderedOverlay overlay(String name) {
        return RENDERED.computeIfAbsent(name, overlay -> RenderedOverlay.render(K8S.resolve("overlays").resolve(overlay)));
    }

    /** The Deployments that scale: all but the dev overlay's identity provider. */
    private static List<JsonNode> statelessDeployments(RenderedOverlay overlay) {
        return overlay.deployments().stream().filter(deployment -> !IDENTITY.equals(RenderedOverlay.name(deployment))).toList();
    }

    /**
     * Services that hold state in the instance and so run one instance, replaced not rolled: the
     * directory (its search index) and the web (people's sessions).
     */
    private static final List<String> SINGLE_INSTANCE = List.of("directory-service", "web");

    /** The others scale out. */
    private static List<JsonNode> scaledDeployments(RenderedOverlay overlay) {
        return statelessDeployments(overlay).stream().filter(deployment -> !SINGLE_INSTANCE.contains(RenderedOverlay.name(deployment))).toList();
    }

    @Nested
    class Rendering {

        @InEveryOverlay
        void rendersWithoutWarnings(String name) {
            RenderedOverlay overlay = overlay(name);
            assertThat(overlay.warnings).as("kubectl kustomize's messages for %s", name).isEmpty();
            assertThat(overlay.resources).isNotEmpty();
        }

        @InEveryOverlay
        void everyResourceIsInTheBridgewayNamespace(String name) {
            overlay(name).resources.stream()
                    .filter(resource -> !"Namespace".equals(resource.path("kind").asString()))
                    .forEach(resource -> assertThat(resource.path("metadata").path("namespace").asString())
                            .as("namespace of %s %s", resource.path("kind").asString(), RenderedOverlay.name(resource))
                            .isEqualTo(NetworkPolicies.NAMESPACE));
        }

        @InEveryOverlay
        void runsEveryServiceOfTheArchitecture(String name) {
            Set<String> deployed = overlay(name).deployments().stream().map(RenderedOverlay::name).collect(Collectors.toSet());
            assertThat(deployed).containsAll(SERVICES.keySet()).doesNotContain("local-stack");
        }

        @Test
        void theLocalIdentityProviderRunsInDevOnly() {
            assertThat(overlay("dev").find("Deployment", IDENTITY)).isPresent();
            assertThat(overlay("production").find("Deployment", IDENTITY)).isEmpty();
            assertThat(overlay("production").find("Service", IDENTITY)).isEmpty();
        }
    }

    @Nested
    class Workloads {

        @InEveryOverlay
        void everyContainerIsProbedForLivenessReadinessAndStartOnItsServicePort(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                JsonNode container = RenderedOverlay.container(deployment);
                String service = RenderedOverlay.name(deployment);
                assertProbe(service, container.path("livenessProbe"), "/actuator/health/liveness", container);
                assertProbe(service, container.path("readinessProbe"), "/actuator/health/readiness", container);
                assertThat(container.path("startupProbe").path("httpGet").path("path").asString())
                        .as("%s waits for the JVM to start before checking liveness", service)
                        .isEqualTo("/actuator/health/liveness");
                int patience = container.path("startupProbe").path("periodSeconds").asInt(10)
                        * container.path("startupProbe").path("failureThreshold").asInt(3);
                assertThat(patience).as("seconds %s may take to start", service).isGreaterThanOrEqualTo(60);
            }
        }

        private void assertProbe(String service, JsonNode probe, String path, JsonNode container) {
            assertThat(probe.path("httpGet").path("path").asString()).as("%s probe path", service).isEqualTo(path);
            JsonNode port = probe.path("httpGet").path("port");
            int probedPort = port.isNumber() ? port.asInt() : RenderedOverlay.containerPort(container, port.asString());
            int servicePort = service.equals(IDENTITY) ? IDENTITY_PORT : SERVICES.get(service);
            assertThat(probedPort).as("%s probe port", service).isEqualTo(servicePort);
        }

        @InEveryOverlay
        void everyContainerRequestsAndIsLimitedInCpuAndMemory(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                JsonNode resources = RenderedOverlay.container(deployment).path("resources");
                String service = RenderedOverlay.name(deployment);
                assertThat(resources.path("requests").has("cpu")).as("%s requests cpu", service).isTrue();
                assertThat(resources.path("requests").has("memory")).as("%s requests memory", service).isTrue();
                assertThat(resources.path("limits").has("cpu")).as("%s is limited in cpu", service).isTrue();
                assertThat(mebibytes(resources.path("limits").path("memory").asString()))
                        .as("%s memory limit above its request", service)
                        .isGreaterThanOrEqualTo(mebibytes(resources.path("requests").path("memory").asString()));
            }
        }

        @InEveryOverlay
        void everyPodRunsAsAnUnprivilegedUserOnAReadOnlyRoot(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                String service = RenderedOverlay.name(deployment);
                JsonNode pod = RenderedOverlay.podSpec(deployment).path("securityContext");
                assertThat(pod.path("runAsNonRoot").asBoolean()).as("%s runs as non-root", service).isTrue();
                assertThat(pod.path("runAsUser").asInt()).as("%s user", service).isEqualTo(65532);
                assertThat(pod.path("seccompProfile").path("type").asString()).as("%s seccomp", service).isEqualTo("RuntimeDefault");

                JsonNode container = RenderedOverlay.container(deployment).path("securityContext");
                assertThat(container.path("allowPrivilegeEscalation").isBoolean() && !container.path("allowPrivilegeEscalation").asBoolean())
                        .as("%s may not escalate privileges", service).isTrue();
                assertThat(container.path("readOnlyRootFilesystem").asBoolean()).as("%s read-only root", service).isTrue();
                assertThat(container.path("capabilities").path("drop").values().stream().map(JsonNode::asString))
                        .as("%s drops every capability", service).contains("ALL");
                assertThat(container.path("privileged").asBoolean()).as("%s privileged", service).isFalse();
            }
        }

        @InEveryOverlay
        void everyPodHasAWritableTmpOfItsOwn(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                String tmpVolume = RenderedOverlay.container(deployment).path("volumeMounts").values().stream()
                        .filter(mount -> "/tmp".equals(mount.path("mountPath").asString()))
                        .map(mount -> mount.path("name").asString())
                        .findFirst().orElseGet(() -> fail("%s mounts nothing at /tmp", RenderedOverlay.name(deployment)));
                assertThat(RenderedOverlay.podSpec(deployment).path("volumes").values().stream()
                        .filter(volume -> tmpVolume.equals(volume.path("name").asString()))
                        .anyMatch(volume -> volume.has("emptyDir")))
                        .as("%s /tmp is an emptyDir", RenderedOverlay.name(deployment)).isTrue();
            }
        }

        @InEveryOverlay
        void everyServiceHoldingNoStateIsScaledOnCpuByItsOwnAutoscaler(String name) {
            RenderedOverlay overlay = overlay(name);
            for (JsonNode deployment : scaledDeployments(overlay)) {
                String service = RenderedOverlay.name(deployment);
                List<JsonNode> autoscalers = overlay.ofKind("HorizontalPodAutoscaler")
                        .filter(hpa -> hpa.path("apiVersion").asString().equals("autoscaling/v2"))
                        .filter(hpa -> "Deployment".equals(hpa.path("spec").path("scaleTargetRef").path("kind").asString()))
                        .filter(hpa -> service.equals(hpa.path("spec").path("scaleTargetRef").path("name").asString()))
                        .toList();
                assertThat(autoscalers).as("autoscalers of %s", service).hasSize(1);
                JsonNode spec = autoscalers.getFirst().path("spec");
                assertThat(spec.path("maxReplicas").asInt()).isGreaterThan(spec.path("minReplicas").asInt());
                assertThat(spec.path("metrics").values()).as("%s scales on 70%% cpu", service).anySatisfy(metric -> {
                    assertThat(metric.path("resource").path("name").asString()).isEqualTo("cpu");
                    assertThat(metric.path("resource").path("target").path("averageUtilization").asInt()).isEqualTo(70);
                });
                assertThat(deployment.path("spec").has("replicas"))
                        .as("%s leaves its replica count to the autoscaler", service).isFalse();
            }
        }

        @InEveryOverlay
        void everyStatelessServiceHasADisruptionBudgetSelectingExactlyItsPods(String name) {
            RenderedOverlay overlay = overlay(name);
            for (JsonNode deployment : statelessDeployments(overlay)) {
                String service = RenderedOverlay.name(deployment);
                List<JsonNode> budgets = overlay.ofKind("PodDisruptionBudget")
                        .filter(pdb -> RenderedOverlay.selects(pdb.path("spec").path("selector"), RenderedOverlay.podLabels(deployment)))
                        .toList();
                assertThat(budgets).as("disruption budgets of %s", service).hasSize(1);
                JsonNode budget = budgets.getFirst().path("spec");
                assertThat(budget.has("minAvailable") || budget.has("maxUnavailable")).isTrue();
                for (JsonNode other : overlay.deployments()) {
                    if (other != deployment) {
                        assertThat(RenderedOverlay.selects(budget.path("selector"), RenderedOverlay.podLabels(other)))
                                .as("%s's budget also counts %s's pods", service, RenderedOverlay.name(other)).isFalse();
                    }
                }
            }
        }

        @InEveryOverlay
        void everyDeploymentSelectsTheLabelsOfItsOwnPods(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                assertThat(RenderedOverlay.selects(deployment.path("spec").path("selector"), RenderedOverlay.podLabels(deployment)))
                        .as("%s selects its pods", RenderedOverlay.name(deployment)).isTrue();
            }
        }

        @InEveryOverlay
        void theDirectoryAndTheWebRunOneInstanceReplacedNotRolledUntilTheirStateIsShared(String name) {
            RenderedOverlay overlay = overlay(name);
            for (String service : SINGLE_INSTANCE) {
                JsonNode deployment = overlay.deployments().stream().filter(d -> service.equals(RenderedOverlay.name(d))).findFirst().orElseThrow();
                assertThat(deployment.path("spec").path("replicas").asInt()).as(service).isEqualTo(1);
                assertThat(deployment.path("spec").path("strategy").path("type").asString()).as(service).isEqualTo("Recreate");
                assertThat(overlay.ofKind("HorizontalPodAutoscaler").map(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asString()))
                        .doesNotContain(service);
            }
        }

        @Test
        void productionKeepsAtLeastTwoReplicasOfEveryService() {
            overlay("production").ofKind("HorizontalPodAutoscaler").forEach(hpa ->
                    assertThat(hpa.path("spec").path("minReplicas").asInt()).as("minimum replicas of %s", RenderedOverlay.name(hpa))
                            .isGreaterThanOrEqualTo(2));
        }

        @InEveryOverlay
        void prometheusIsToldWhereToScrapeEveryPod(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                Map<String, String> annotations = RenderedOverlay.strings(deployment.path("spec").path("template").path("metadata").path("annotations"));
                int port = RenderedOverlay.containerPort(RenderedOverlay.container(deployment), "http");
                assertThat(annotations).as("scrape annotations of %s", RenderedOverlay.name(deployment))
                        .containsEntry("prometheus.io/scrape", "true")
                        .containsEntry("prometheus.io/path", "/actuator/prometheus")
                        .containsEntry("prometheus.io/port", String.valueOf(port));
            }
        }
    }

    @Nested
    class Images {

        @InEveryOverlay
        void noContainerRunsAnUntaggedOrLatestImage(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                String image = RenderedOverlay.container(deployment).path("image").asString();
                assertThat(tag(image)).as("tag of %s", image).isNotBlank().isNotEqualTo("latest");
            }
        }

        @InEveryOverlay
        void everyServiceRunsItsOwnJibImage(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                String image = RenderedOverlay.container(deployment).path("image").asString();
                assertThat(image).startsWith("bridgeway/" + RenderedOverlay.name(deployment) + ":");
            }
        }

        @Test
        void productionPinsEveryImageToARelease() {
            for (JsonNode deployment : overlay("production").deployments()) {
                String image = RenderedOverlay.container(deployment).path("image").asString();
                assertThat(tag(image)).as("tag of %s", image).matches("\\d+\\.\\d+\\.\\d+").doesNotContain("SNAPSHOT");
            }
        }

        private static String tag(String image) {
            String last = image.substring(image.lastIndexOf('/') + 1);
            return last.contains(":") ? last.substring(last.indexOf(':') + 1) : "";
        }
    }

    @Nested
    class Configuration {

        @InEveryOverlay
        void noSecretValueIsInTheManifests(String name) {
            assertThat(overlay(name).ofKind("Secret").toList())
                    .as("Secrets are created by the operator (README.md), never rendered from git")
                    .allSatisfy(secret -> assertThat(secret.has("data") || secret.has("stringData")).isFalse());
            Pattern secretName = Pattern.compile(".*(SECRET|PASSWORD|API_KEY|ENCRYPTION|MONGO_URI|REDIS_URI).*");
            for (JsonNode deployment : overlay(name).deployments()) {
                Map<String, String> plain = overlay(name).plainEnvironment(RenderedOverlay.container(deployment));
                assertThat(plain.keySet()).as("variables of %s given as plain values", RenderedOverlay.name(deployment))
                        .noneMatch(variable -> secretName.matcher(variable).matches());
            }
        }

        @InEveryOverlay
        void noContainerRunsTheLocalProfileOrADemoSetting(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                Map<String, String> environment = overlay(name).plainEnvironment(RenderedOverlay.container(deployment));
                String service = RenderedOverlay.name(deployment);
                assertThat(environment.get("SPRING_PROFILES_ACTIVE")).as("profiles of %s", service)
                        .isNotBlank()
                        .satisfies(profiles -> assertThat(List.of(profiles.split(","))).doesNotContain("local"));
                assertThat(environment).as("settings of %s", service)
                        .allSatisfy((variable, value) -> assertThat(value.toLowerCase()).as(variable).doesNotContain("demo"));
            }
        }

        @InEveryOverlay
        void everyContainerLogsStructuredEcsJson(String name) {
            for (JsonNode deployment : overlay(name).deployments()) {
                assertThat(overlay(name).plainEnvironment(RenderedOverlay.container(deployment)))
                        .as("logging of %s", RenderedOverlay.name(deployment))
                        .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            }
        }

        @InEveryOverlay
        void everyServiceChecksTokensOfTheOneIssuerForTheBridgewayAudience(String name) {
            RenderedOverlay overlay = overlay(name);
            Set<String> issuers = new TreeSet<>();
            for (String service : SERVICES.keySet()) {
                Map<String, String> environment = overlay.plainEnvironment(RenderedOverlay.container(overlay.get("Deployment", service)));
                assertThat(environment).as("settings of %s", service)
                        .containsKeys("BRIDGEWAY_ISSUER", "BRIDGEWAY_JWK_SET_URI")
                        .containsEntry("BRIDGEWAY_AUDIENCE", "bridgeway-api");
                issuers.add(environment.get("BRIDGEWAY_ISSUER"));
            }
            assertThat(issuers).hasSize(1);
            if (name.equals("production")) {
                assertThat(issuers.iterator().next()).as("production issuer").startsWith("https://");
            }
        }

        @InEveryOverlay
        void theGatewayRoutesToTheServicesOfTheOverlay(String name) {
            RenderedOverlay overlay = overlay(name);
            Map<String, String> gateway = overlay.plainEnvironment(RenderedOverlay.container(overlay.get("Deployment", "gateway")));
            Map<String, String> routes = orderedMap("BRIDGEWAY_DIRECTORY_URL", "directory-service", "BRIDGEWAY_REFERRAL_URL", "referral-service",
                    "BRIDGEWAY_NOTIFICATION_URL", "notification-service", "BRIDGEWAY_WEB_URL", "web");
            routes.forEach((variable, service) -> assertThat(gateway.get(variable)).as(variable)
                    .isEqualTo("http://%s:%d".formatted(service, servicePort(overlay, service))));
            assertThat(gateway).containsEntry("BRIDGEWAY_TRUSTED_PROXY_HOPS", "1");
            assertThat(gateway.get("BRIDGEWAY_IDENTITY_URL")).as("the gateway will not start without it").startsWith("http");
            Map<String, String> web = overlay.plainEnvironment(RenderedOverlay.container(overlay.get("Deployment", "web")));
            assertThat(web).containsEntry("BRIDGEWAY_GATEWAY_URL", "http://gateway:" + servicePort(overlay, "gateway"))
                    .containsEntry("BRIDGEWAY_SECURE_COOKIES", "true");
        }

        @Test
        void productionGatewaysShareTheirRateLimitsThroughRedisFromASecret() {
            JsonNode gateway = RenderedOverlay.container(overlay("production").get("Deployment", "gateway"));
            assertThat(RenderedOverlay.secretKeyRef(gateway, "BRIDGEWAY_RATE_LIMIT_REDIS_URI"))
                    .as("the Redis URI, password included, comes from a Secret").isPresent();
        }

        @InEveryOverlay
        void theWebAndTheNotificationServiceTakeTheirCredentialsFromSecrets(String name) {
            RenderedOverlay overlay = overlay(name);
            assertThat(RenderedOverlay.secretKeyRef(RenderedOverlay.container(overlay.get("Deployment", "web")), "BRIDGEWAY_WEB_CLIENT_SECRET"))
                    .isPresent();
            JsonNode notification = RenderedOverlay.container(overlay.get("Deployment", "notification-service"));
            assertThat(RenderedOverlay.secretRefs(notification)).as("SMTP and Notify credentials").contains("bridgeway-notification");
            assertThat(overlay.plainEnvironment(notification)).containsKeys(
                    "BRIDGEWAY_SMTP_HOST", "BRIDGEWAY_SMTP_PORT", "BRIDGEWAY_EMAIL_FROM", "BRIDGEWAY_PUBLIC_URL", "BRIDGEWAY_EMAIL_TRANSPORT");
        }

        @InEveryOverlay
        void theReferralServiceTakesItsResidentDataKeysFromASecret(String name) throws IOException {
            JsonNode referral = RenderedOverlay.container(overlay(name).get("Deployment", "referral-service"));
            assertThat(RenderedOverlay.secretRefs(referral)).contains("bridgeway-referral-encryption");
            // The variables the operator puts in that Secret bind to ProtectionConfig's and ResidentMatching's settings.
            assertThat(readme()).contains("BRIDGEWAY_REFERRALS_ENCRYPTION_ACTIVEKEYID", "BRIDGEWAY_REFERRALS_ENCRYPTION_KEYS_",
                    "BRIDGEWAY_REFERRALS_ENCRYPTION_MATCHINGKEY");
        }

        @InEveryOverlay
        void everySecretTheOverlayNeedsIsDocumented(String name) throws IOException {
            RenderedOverlay overlay = overlay(name);
            Set<String> secrets = new TreeSet<>();
            for (JsonNode deployment : overlay.deployments()) {
                JsonNode container = RenderedOverlay.container(deployment);
                secrets.addAll(RenderedOverlay.secretRefs(container));
                container.path("env").forEach(env -> {
                    if (env.path("valueFrom").has("secretKeyRef")) {
                        secrets.add(env.path("valueFrom").path("secretKeyRef").path("name").asString());
                    }
                });
            }
            overlay.ofKind("MongoDBCommunity").forEach(mongo -> mongo.path("spec").path("users")
                    .forEach(user -> secrets.add(user.path("passwordSecretRef").path("name").asString())));
            overlay.ofKind("Ingress").forEach(ingress -> ingress.path("spec").path("tls")
                    .forEach(tls -> secrets.add(tls.path("secretName").asString())));
            String readme = readme();
            assertThat(secrets).isNotEmpty().allSatisfy(secret -> assertThat(readme).as("README.md names Secret %s", secret).contains(secret));
        }
    }

    @Nested
    class Exposure {

        @InEveryOverlay
        void everyServiceSendsToTheNamedPortOfADeploymentsPods(String name) {
            RenderedOverlay overlay = overlay(name);
            overlay.ofKind("Service").forEach(service -> {
                Map<String, String> selector = RenderedOverlay.strings(service.path("spec").path("selector"));
                assertThat(selector).as("selector of Service %s", RenderedOverlay.name(service)).isNotEmpty();
                List<JsonNode> targets = overlay.deployments().stream()
                        .filter(deployment -> RenderedOverlay.podLabels(deployment).entrySet().containsAll(selector.entrySet()))
                        .toList();
                assertThat(targets).as("Deployments behind Service %s", RenderedOverlay.name(service)).hasSize(1);
                for (JsonNode port : service.path("spec").path("ports")) {
                    RenderedOverlay.containerPort(RenderedOverlay.container(targets.getFirst()), port.path("targetPort").asString());
                }
            });
        }

        @InEveryOverlay
        void onlyTheGatewayIsReachableFromOutside(String name) {
            RenderedOverlay overlay = overlay(name);
            overlay.ofKind("Service")
                    .filter(service -> !RenderedOverlay.name(service).equals("gateway"))
                    .forEach(service -> assertThat(service.path("spec").path("type").asString())
                            .as("type of Service %s", RenderedOverlay.name(service)).isIn("ClusterIP", ""));
            overlay.ofKind("Ingress").forEach(ingress -> {
                for (JsonNode backend : ingress.findValues("service")) {
                    assertThat(backend.path("name").asString()).as("Ingress backend").isEqualTo("gateway");
                }
                assertThat(ingress.path("spec").has("defaultBackend")).isFalse();
            });
        }

        @Test
        void productionServesTheGatewayOverTls() {
            JsonNode ingress = overlay("production").ofKind("Ingress").findFirst()
                    .orElseGet(() -> fail("production has no Ingress for the gateway"));
            assertThat(ingress.path("spec").path("tls").values()).isNotEmpty();
            assertThat(ingress.findValues("service")).extracting(backend -> backend.path("name").asString()).containsOnly("gateway");
        }
    }

    @Nested
    class Network {

        @InEveryOverlay
        void everythingIsDeniedUnlessAPolicyAllowsIt(String name) {
            assertThat(overlay(name).ofKind("NetworkPolicy")).anySatisfy(policy -> {
                assertThat(policy.path("spec").path("podSelector").isEmpty()).as("selects every pod").isTrue();
                assertThat(policy.path("spec").path("policyTypes").values()).extracting(JsonNode::asString)
                        .containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(policy.path("spec").has("ingress")).isFalse();
                assertThat(policy.path("spec").has("egress")).isFalse();
            });
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            assertThat(network.allowsTcp(ANOTHER_NAMESPACE, bridgeway("gateway"), 8080)).isFalse();
            assertThat(network.allowsTcp(bridgeway("gateway"), INTERNET, 80)).isFalse();
        }

        @InEveryOverlay
        void theFlowsOfTheArchitectureAreAllowed(String name) {
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            List<Flow> flows = new ArrayList<>(List.of(
                    new Flow(INGRESS_CONTROLLER, bridgeway("gateway"), 8080),
                    new Flow(bridgeway("gateway"), bridgeway("web"), 8084),
                    new Flow(bridgeway("gateway"), bridgeway("directory-service"), 8081),
                    new Flow(bridgeway("gateway"), bridgeway("referral-service"), 8082),
                    new Flow(bridgeway("gateway"), bridgeway("notification-service"), 8083),
                    new Flow(bridgeway("web"), bridgeway("gateway"), 8080),
                    new Flow(bridgeway("notification-service"), INTERNET, 587),
                    new Flow(bridgeway("notification-service"), INTERNET, 25),
                    new Flow(bridgeway("notification-service"), INTERNET, 443)));
            for (String owner : DATABASE_OWNERS.keySet()) {
                flows.add(new Flow(bridgeway(owner), KAFKA_BROKER, 9092));
                flows.add(new Flow(bridgeway(owner), MONGODB_MEMBER, 27017));
            }
            for (JsonNode deployment : overlay(name).deployments()) {
                Endpoint pod = Endpoint.pod(NetworkPolicies.NAMESPACE, RenderedOverlay.podLabels(deployment));
                flows.add(new Flow(PROMETHEUS, pod, RenderedOverlay.containerPort(RenderedOverlay.container(deployment), "http")));
            }
            for (String service : SERVICES.keySet()) {
                flows.add(name.equals("dev")
                        ? new Flow(bridgeway(service), bridgeway(IDENTITY), IDENTITY_PORT)
                        : new Flow(bridgeway(service), INTERNET, 443));
            }
            assertThat(flows).allSatisfy(flow -> assertThat(network.allowsTcp(flow.from(), flow.to(), flow.port())).as("%s", flow).isTrue());
        }

        @InEveryOverlay
        void everyPodMayLookUpNames(String name) {
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            for (JsonNode deployment : overlay(name).deployments()) {
                Endpoint pod = Endpoint.pod(NetworkPolicies.NAMESPACE, RenderedOverlay.podLabels(deployment));
                assertThat(network.allows(pod, KUBE_DNS, 53, "UDP")).as("%s resolves names", RenderedOverlay.name(deployment)).isTrue();
            }
            assertThat(network.allows(KAFKA_BROKER, KUBE_DNS, 53, "UDP")).isTrue();
            assertThat(network.allows(MONGODB_MEMBER, KUBE_DNS, 53, "UDP")).isTrue();
        }

        @InEveryOverlay
        void theServicesBehindTheGatewayHearOnlyFromTheGatewayAndPrometheus(String name) {
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            for (String service : List.of("web", "directory-service", "referral-service", "notification-service")) {
                for (Endpoint stranger : everyoneBut(name, "gateway", service)) {
                    if (stranger != PROMETHEUS) {
                        assertThat(network.admitsTcp(stranger, bridgeway(service), SERVICES.get(service)))
                                .as("%s reaches %s", stranger, service).isFalse();
                    }
                }
            }
        }

        @InEveryOverlay
        void theGatewayHearsOnlyFromTheIngressControllerTheWebAndPrometheus(String name) {
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            for (Endpoint stranger : everyoneBut(name, "web", "gateway")) {
                if (stranger != INGRESS_CONTROLLER && stranger != PROMETHEUS) {
                    assertThat(network.admitsTcp(stranger, bridgeway("gateway"), 8080)).as("%s reaches the gateway", stranger).isFalse();
                }
            }
        }

        @InEveryOverlay
        void noServiceCallsAnotherDirectly(String name) {
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            for (String caller : DATABASE_OWNERS.keySet()) {
                for (String callee : SERVICES.keySet()) {
                    if (!caller.equals(callee)) {
                        assertThat(network.sendsTcp(bridgeway(caller), bridgeway(callee), SERVICES.get(callee)))
                                .as("%s may call %s", caller, callee).isFalse();
                    }
                }
            }
            for (String backend : DATABASE_OWNERS.keySet()) {
                assertThat(network.sendsTcp(bridgeway("web"), bridgeway(backend), SERVICES.get(backend)))
                        .as("the web may bypass the gateway to %s", backend).isFalse();
            }
        }

        @InEveryOverlay
        void onlyTheServicesThatOwnDataReachKafkaAndMongoDb(String name) {
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            for (Endpoint stranger : everyoneBut(name, DATABASE_OWNERS.keySet().toArray(String[]::new))) {
                if (stranger != KAFKA_BROKER && stranger != MONGODB_MEMBER) {
                    assertThat(network.admitsTcp(stranger, KAFKA_BROKER, 9092)).as("Kafka admits %s", stranger).isFalse();
                    assertThat(network.admitsTcp(stranger, MONGODB_MEMBER, 27017)).as("MongoDB admits %s", stranger).isFalse();
                }
            }
            for (String service : List.of("gateway", "web")) {
                assertThat(network.sendsTcp(bridgeway(service), KAFKA_BROKER, 9092)).as("%s may send to Kafka", service).isFalse();
                assertThat(network.sendsTcp(bridgeway(service), MONGODB_MEMBER, 27017)).as("%s may send to MongoDB", service).isFalse();
            }
        }

        @InEveryOverlay
        void onlyTheNotificationServiceSendsMail(String name) {
            NetworkPolicies network = new NetworkPolicies(overlay(name));
            for (String service : SERVICES.keySet()) {
                if (!service.equals("notification-service")) {
                    assertThat(network.sendsTcp(bridgeway(service), INTERNET, 587)).as("%s sends mail", service).isFalse();
                    assertThat(network.sendsTcp(bridgeway(service), INTERNET, 25)).as("%s sends mail", service).isFalse();
                }
            }
        }

        @Test
        void inDevNothingButTheNotificationServiceLeavesTheCluster() {
            NetworkPolicies network = new NetworkPolicies(overlay("dev"));
            for (String service : List.of("gateway", "web", "directory-service", "referral-service", IDENTITY)) {
                assertThat(network.sendsTcp(bridgeway(service), INTERNET, 443)).as("%s reaches the internet", service).isFalse();
            }
        }

        /** The pods and places a flow could come from, but for the named Bridgeway services. */
        private List<Endpoint> everyoneBut(String overlayName, String... services) {
            List<Endpoint> everyone = new ArrayList<>(List.of(INGRESS_CONTROLLER, PROMETHEUS, ANOTHER_NAMESPACE, KAFKA_BROKER, MONGODB_MEMBER, INTERNET));
            overlay(overlayName).deployments().stream()
                    .map(RenderedOverlay::name)
                    .filter(service -> !List.of(services).contains(service))
                    .forEach(service -> everyone.add(bridgeway(service)));
            return everyone;
        }
    }

    record Flow(Endpoint from, Endpoint to, int port) {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port;
        }
    }

    @Nested
    class Kafka {

        @InEveryOverlay
        void everyTopicOfTheArchitectureExistsWithItsPartitionsRetentionAndCleanupPolicy(String name) throws IOException {
            RenderedOverlay overlay = overlay(name);
            Map<String, LocalTopic> expected = localStackTopics();
            assertThat(overlay.ofKind("KafkaTopic").map(KubernetesManifestsTest::topicName))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            overlay.ofKind("KafkaTopic").forEach(topic -> {
                LocalTopic local = expected.get(topicName(topic));
                JsonNode spec = topic.path("spec");
                assertThat(spec.path("partitions").asInt()).as("partitions of %s", local.name()).isEqualTo(local.partitions());
                Map<String, String> config = RenderedOverlay.strings(spec.path("config"));
                assertThat(config).as("config of %s", local.name()).containsAllEntriesOf(local.config());
                if (!"compact".equals(local.config().get("cleanup.policy"))) {
                    assertThat(config.getOrDefault("cleanup.policy", "delete")).as("cleanup of %s", local.name()).isEqualTo("delete");
                }
                assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asString()).isEqualTo("bridgeway-kafka");
            });
        }

        @Test
        void productionKeepsThreeCopiesAndAcknowledgesAWriteOnTwo() {
            assertReplication(overlay("production"), 3, 3, 2);
        }

        @Test
        void devRunsOneBrokerWithOneCopy() {
            assertReplication(overlay("dev"), 1, 1, 1);
        }

        private void assertReplication(RenderedOverlay overlay, int nodes, int copies, int inSync) {
            JsonNode pool = overlay.ofKind("KafkaNodePool").findFirst().orElseGet(() -> fail("no KafkaNodePool"));
            assertThat(pool.path("spec").path("roles").values()).extracting(JsonNode::asString).contains("controller", "broker");
            assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(nodes);
            JsonNode kafka = overlay.get("Kafka", "bridgeway-kafka");
            JsonNode config = kafka.path("spec").path("kafka").path("config");
            assertThat(config.path("default.replication.factor").asInt()).isEqualTo(copies);
            assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(copies);
            assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(inSync);
            assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
            overlay.ofKind("KafkaTopic").forEach(topic ->
                    assertThat(topic.path("spec").path("replicas").asInt()).as("copies of %s", topicName(topic)).isEqualTo(copies));
        }

        @InEveryOverlay
        void theServicesConnectToTheKafkaListener(String name) {
            RenderedOverlay overlay = overlay(name);
            JsonNode listener = overlay.get("Kafka", "bridgeway-kafka").path("spec").path("kafka").path("listeners").path(0);
            String bootstrap = "bridgeway-kafka-kafka-bootstrap:" + listener.path("port").asInt();
            for (String service : DATABASE_OWNERS.keySet()) {
                assertThat(overlay.plainEnvironment(RenderedOverlay.container(overlay.get("Deployment", service))))
                        .containsEntry("BRIDGEWAY_KAFKA_BOOTSTRAP", bootstrap);
            }
        }
    }

    @Nested
    class MongoDb {

        @Test
        void productionRunsAThreeMemberReplicaSet() {
            assertThat(replicaSet(overlay("production")).path("spec").path("members").asInt()).isEqualTo(3);
        }

        @Test
        void devRunsAOneMemberReplicaSet() {
            assertThat(replicaSet(overlay("dev")).path("spec").path("members").asInt()).isEqualTo(1);
        }

        @InEveryOverlay
        void everyServiceSignsInAsItsOwnUserWhoMayUseOnlyItsOwnDatabase(String name) throws IOException {
            RenderedOverlay overlay = overlay(name);
            JsonNode mongo = replicaSet(overlay);
            assertThat(mongo.path("spec").path("type").asString()).isEqualTo("ReplicaSet");
            for (Map.Entry<String, String> owner : DATABASE_OWNERS.entrySet()) {
                String service = owner.getKey();
                JsonNode user = mongo.path("spec").path("users").values().stream()
                        .filter(candidate -> owner.getValue().equals(candidate.path("name").asString()))
                        .findFirst().orElseGet(() -> fail("no MongoDB user for %s", service));
                String database = databaseOf(service);
                assertThat(user.path("roles").values()).as("roles of %s", service).isNotEmpty()
                        .allSatisfy(role -> assertThat(role.path("db").asString()).isEqualTo(database));
                assertThat(user.path("passwordSecretRef").path("name").asString()).isNotBlank();

                JsonNode uri = RenderedOverlay.secretKeyRef(RenderedOverlay.container(overlay.get("Deployment", service)), "BRIDGEWAY_MONGO_URI")
                        .orElseGet(() -> fail("%s takes no BRIDGEWAY_MONGO_URI from a Secret", service));
                assertThat(uri.path("name").asString()).as("%s reads the connection string the operator writes for its user", service)
                        .isEqualTo(user.path("connectionStringSecretName").asString());
                assertThat(uri.path("key").asString()).isEqualTo("connectionString.standard");
            }
        }

        private JsonNode replicaSet(RenderedOverlay overlay) {
            return overlay.ofKind("MongoDBCommunity").findFirst().orElseGet(() -> fail("%s has no MongoDBCommunity", overlay));
        }

        /** The database a service names in its application.yml (spring.mongodb.database). */
        private String databaseOf(String service) throws IOException {
            JsonNode settings = RenderedOverlay.YAML.readTree(REPOSITORY.resolve(service).resolve("src/main/resources/application.yml").toFile());
            String database = settings.path("spring").path("mongodb").path("database").asString();
            assertThat(database).as("database of %s", service).isNotBlank();
            return database;
        }
    }

    record LocalTopic(String name, int partitions, Map<String, String> config) {
    }

    /**
     * The topics local-stack creates for the one-command run, the list every deployment must match:
     * {@code topic("name", partitions, CONFIG)} with {@code CONFIG = Map.of("key", "value", ...)}.
     */
    private static Map<String, LocalTopic> localStackTopics() throws IOException {
        String source = Files.readString(REPOSITORY.resolve("local-stack/src/main/java/org/bridgeway/localstack/Topics.java"));
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("Map<String, String> (\\w+) = Map\\.of\\(([^)]*)\\);").matcher(source);
        while (constant.find()) {
            Map<String, String> config = new LinkedHashMap<>();
            Matcher entry = Pattern.compile("\"([^\"]+)\",\\s*\"([^\"]+)\"").matcher(constant.group(2));
            while (entry.find()) {
                config.put(entry.group(1), entry.group(2));
            }
            configs.put(constant.group(1), config);
        }
        Matcher topic = Pattern.compile("topic\\(\"([^\"]+)\",\\s*(\\d+),\\s*(\\w+)\\)").matcher(source);
        Map<String, LocalTopic> topics = new LinkedHashMap<>();
        while (topic.find()) {
            Map<String, String> config = configs.get(topic.group(3));
            assertThat(config).as("settings %s of topic %s in Topics.java", topic.group(3), topic.group(1)).isNotNull();
            topics.put(topic.group(1), new LocalTopic(topic.group(1), Integer.parseInt(topic.group(2)), config));
        }
        assertThat(topics).as("topics read from Topics.java").hasSizeGreaterThanOrEqualTo(5);
        return topics;
    }

    private static String topicName(JsonNode topic) {
        String explicit = topic.path("spec").path("topicName").asString();
        return explicit.isBlank() ? RenderedOverlay.name(topic) : explicit;
    }

    private static int servicePort(RenderedOverlay overlay, String service) {
        return overlay.get("Service", service).path("spec").path("ports").path(0).path("port").asInt();
    }

    private static String readme() throws IOException {
        return Files.readString(K8S.resolve("README.md"));
    }

    private static long mebibytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        if (!matcher.matches()) {
            return fail("memory quantity %s is not in Mi or Gi", quantity);
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("Gi") ? amount * 1024 : amount;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> orderedMap(Object... keysAndValues) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
