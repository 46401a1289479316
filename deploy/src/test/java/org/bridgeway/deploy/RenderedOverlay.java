package org.bridgeway.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The manifests of one Kustomize overlay as {@code kubectl kustomize} renders them. */
final class RenderedOverlay {

    static final YAMLMapper YAML = new YAMLMapper();

    final String name;
    final List<JsonNode> resources;
    final String warnings;

    private RenderedOverlay(String name, List<JsonNode> resources, String warnings) {
        this.name = name;
        this.resources = resources;
        this.warnings = warnings;
    }

    static RenderedOverlay render(Path directory) {
        Path kubectl = kubectl();
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectError(errors.toFile())
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("kubectl kustomize %s did not finish in 2 minutes", directory);
            }
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (process.exitValue() != 0) {
                fail("kubectl kustomize %s failed:%n%s", directory, stderr);
            }
            List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll()
                    .stream().filter(node -> node != null && node.isObject()).toList();
            return new RenderedOverlay(directory.getFileName().toString(), documents, stderr.strip());
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl on the PATH: Debian's package (kubectl ≥ 1.14 has Kustomize built in). */
    private static Path kubectl() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(() -> fail("kubectl is not on the PATH: the Kubernetes manifests are checked by rendering them with "
                        + "`kubectl kustomize` (apt-get install kubectl, or any kubectl 1.27+); PATH=" + path));
    }

    @Override
    public String toString() {
        return name;
    }

    Stream<JsonNode> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.path("kind").asString()));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(resource -> name.equals(name(resource))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail("%s has no %s %s", this.name, kind, name));
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asString();
    }

    List<JsonNode> deployments() {
        return ofKind("Deployment").toList();
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return strings(deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec(deployment).path("containers").forEach(containers::add);
        return containers;
    }

    /** The container of a service's Deployment (one per pod). */
    static JsonNode container(JsonNode deployment) {
        List<JsonNode> containers = containers(deployment);
        if (containers.size() != 1) {
            fail("Deployment %s has %d containers, expected one", name(deployment), containers.size());
        }
        return containers.getFirst();
    }

    static int containerPort(JsonNode container, String portName) {
        for (JsonNode port : container.path("ports")) {
            if (portName.equals(port.path("name").asString())) {
                return port.path("containerPort").asInt();
            }
        }
        return fail("container %s has no port named %s", container.path("name").asString(), portName);
    }

    /**
     * The variables a container gets as plain values: from {@code env} values and from the
     * ConfigMaps of {@code envFrom}, later ones winning as in Kubernetes. Variables taken from
     * Secrets are left out: their values are not in the manifests.
     */
    Map<String, String> plainEnvironment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String configMap = source.path("configMapRef").path("name").asString();
                environment.putAll(strings(get("ConfigMap", configMap).path("data")));
            }
        }
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                environment.put(variable.path("name").asString(), variable.path("value").asString());
            } else {
                environment.remove(variable.path("name").asString());
            }
        }
        return environment;
    }

    /** The {@code secretKeyRef} of an {@code env} variable, if it has one. */
    static Optional<JsonNode> secretKeyRef(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asString()) && env.path("valueFrom").has("secretKeyRef")) {
                return Optional.of(env.path("valueFrom").path("secretKeyRef"));
            }
        }
        return Optional.empty();
    }

    static List<String> secretRefs(JsonNode container) {
        List<String> secrets = new ArrayList<>();
        container.path("envFrom").forEach(source -> {
            if (source.has("secretRef")) {
                secrets.add(source.path("secretRef").path("name").asString());
            }
        });
        return secrets;
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        }
        return values;
    }

    /** Kubernetes label selector semantics: matchLabels and matchExpressions, all must hold. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (Map.Entry<String, String> required : strings(selector.path("matchLabels")).entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString();
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(value -> values.add(value.asString()));
            boolean holds = switch (expression.path("operator").asString()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> fail("unknown selector operator in %s", expression);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
