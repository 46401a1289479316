package org.bridgeway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The files the compose, realm and observability tests read, and the little parsing they share. Paths
 * are relative to the deploy module, where Maven runs the tests; the repository root is its parent.
 */
final class ComposeAndObservabilitySupport {

    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final Path ROOT = DEPLOY.getParent();
    static final Path COMPOSE_DIR = DEPLOY.resolve("compose");
    static final Path COMPOSE_FILE = COMPOSE_DIR.resolve("docker-compose.yml");
    static final Path REALM_FILE = DEPLOY.resolve("keycloak/bridgeway-realm.json");
    static final Path OBSERVABILITY = DEPLOY.resolve("observability");
    static final Path PROMETHEUS_CONFIG = OBSERVABILITY.resolve("prometheus/prometheus.yml");
    static final Path RULES = OBSERVABILITY.resolve("prometheus/rules.yml");
    static final Path GRAFANA = OBSERVABILITY.resolve("grafana");
    static final Path DASHBOARDS = GRAFANA.resolve("dashboards");

    /** The modules that run in compose, each as the compose service and image of the same name. */
    static final List<String> SERVICE_MODULES = List.of("directory-service", "referral-service", "notification-service", "web", "gateway");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ComposeAndObservabilitySupport() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        return YAML.readTree(read(file));
    }

    static JsonNode json(Path file) {
        return JSON.readTree(read(file));
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static JsonNode applicationYml(String module) {
        return yaml(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
    }

    /** Every text value anywhere in a tree (keys are not included). */
    static List<String> texts(JsonNode node) {
        List<String> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isContainer()) {
            node.values().forEach(child -> collect(child, found));
        } else if (node.isValueNode() && !node.isNull()) {
            found.add(node.asString());
        }
    }

    /** A {@code ${NAME}} or {@code ${NAME:default}} placeholder of a Spring configuration file. */
    record Placeholder(String name, String defaultValue) {
        boolean hasDefault() {
            return defaultValue != null;
        }
    }

    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{(BRIDGEWAY_[A-Z0-9_]+)(?::([^}]*))?}");

    static Map<String, Placeholder> bridgewayPlaceholders(JsonNode config) {
        Map<String, Placeholder> found = new LinkedHashMap<>();
        for (String text : texts(config)) {
            Matcher m = SPRING_PLACEHOLDER.matcher(text);
            while (m.find()) {
                found.putIfAbsent(m.group(1), new Placeholder(m.group(1), m.group(2)));
            }
        }
        return found;
    }

    /** The port a module listens on: the default of {@code server.port}'s placeholder in its application.yml. */
    static int serverPort(String module) {
        String port = applicationYml(module).path("server").path("port").asString();
        Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:(\\d+)}").matcher(port);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        return Integer.parseInt(port);
    }

    /** A service's environment in the compose file, as a map (the list form is not used there). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return env;
    }

    // ------------------------------------------------------------------ PromQL

    /** Prometheus's own words, which look like metric names but are not. */
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    /**
     * The metric names an expression selects: string literals, label matchers, ranges and grouping
     * clauses removed, then every identifier that is not a function call, a keyword or a variable.
     */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(s);
        while (m.find()) {
            String word = m.group(1);
            boolean call = m.group(2) != null;
            if (!call && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** The values an expression matches a label with: {@code type="a"} gives a, {@code type=~"a|b"} gives a and b. */
    static Set<String> labelValues(String expr, String label) {
        Set<String> values = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b" + Pattern.quote(label) + "\\s*(=~|=)\\s*\"([^\"]*)\"").matcher(expr);
        while (m.find()) {
            if (m.group(1).equals("=~")) {
                values.addAll(List.of(m.group(2).split("\\|")));
            } else {
                values.add(m.group(2));
            }
        }
        return values;
    }

    /** The Java sources of the services, for checking that a meter or property name still exists. */
    static String mainSources(String module) {
        Path dir = ROOT.resolve(module).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> all.append(read(f)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
