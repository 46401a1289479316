package org.bridgeway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.COMPOSE_FILE;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.DASHBOARDS;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.GRAFANA;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.PROMETHEUS_CONFIG;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.RULES;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.SERVICE_MODULES;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.applicationYml;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.environment;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.json;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.labelValues;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.mainSources;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.metricNames;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.serverPort;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.texts;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus's scrape configuration and alert rules, Grafana's provisioning and dashboards: they
 * parse, they are complete, and every metric they name is one the services publish, so renaming a
 * meter fails here rather than leaving an alert that can never fire.
 */
class ComposeAndObservabilityMetricsTest {

    /**
     * Bridgeway's own meters: the Prometheus name (with the suffixes it is queried by) and the
     * Micrometer name the services register it under.
     */
    private static final Map<String, String> BRIDGEWAY_METERS = Map.ofEntries(
            Map.entry("bridgeway_referrals_events_total", "bridgeway.referrals.events"),
            Map.entry("bridgeway_outbox_backlog", "bridgeway.outbox.backlog"),
            Map.entry("bridgeway_dead_letters_total", "bridgeway.dead.letters"),
            Map.entry("bridgeway_notification_deliveries_total", "bridgeway.notification.deliveries"),
            Map.entry("bridgeway_notification_delay_seconds", "bridgeway.notification.delay"),
            Map.entry("bridgeway_notification_delay_seconds_count", "bridgeway.notification.delay"),
            Map.entry("bridgeway_notification_delay_seconds_sum", "bridgeway.notification.delay"),
            Map.entry("bridgeway_notification_delay_seconds_max", "bridgeway.notification.delay"),
            Map.entry("bridgeway_notification_waiting", "bridgeway.notification.waiting"),
            Map.entry("bridgeway_notification_streams", "bridgeway.notification.streams"),
            Map.entry("bridgeway_gateway_rate_limited_total", "bridgeway.gateway.rate.limited"),
            Map.entry("bridgeway_reports_referrals", "bridgeway.reports.referrals"),
            Map.entry("bridgeway_reports_ready", "bridgeway.reports.ready"));

    /** Standard meters of Spring Boot, Micrometer and spring-kafka, Prometheus's own, and kafka-exporter's. */
    private static final Set<String> STANDARD_METRICS = Set.of(
            "up", "ALERTS",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "http_server_requests_seconds_bucket",
            "jvm_memory_used_bytes", "jvm_memory_committed_bytes", "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_count", "jvm_gc_pause_seconds_sum", "jvm_gc_pause_seconds_max",
            "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds",
            "kafka_consumer_fetch_manager_records_lag_max",
            "spring_kafka_listener_seconds_count", "spring_kafka_listener_seconds_sum", "spring_kafka_listener_seconds_max",
            // kafka-exporter (deploy/compose): the broker's offsets and consumer groups.
            "kafka_topic_partition_current_offset", "kafka_consumergroup_lag");

    private static Set<String> known() {
        Set<String> known = new HashSet<>(STANDARD_METRICS);
        known.addAll(BRIDGEWAY_METERS.keySet());
        return known;
    }

    private final JsonNode rules = yaml(RULES);

    private List<JsonNode> allRules() {
        List<JsonNode> all = new ArrayList<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(all::add));
        return all;
    }

    @Test
    void theMetricsBridgewayNamesAreStillRegisteredByTheServices() {
        StringBuilder sources = new StringBuilder();
        for (String module : SERVICE_MODULES) {
            sources.append(mainSources(module));
        }
        Set<String> missing = new TreeSet<>();
        BRIDGEWAY_METERS.values().forEach(meter -> {
            if (!sources.toString().contains("\"" + meter + "\"")) {
                missing.add(meter);
            }
        });
        assertThat(missing).as("meters the rules and dashboards use that no service registers any more").isEmpty();
    }

    // ------------------------------------------------------------------ rules

    @Test
    void everyRuleIsComplete() {
        List<JsonNode> all = allRules();
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        Set<String> names = new HashSet<>();
        for (JsonNode rule : all) {
            String name = rule.path("alert").asString();
            assertThat(name).as("every rule is an alert").isNotBlank();
            assertThat(names.add(name)).as("alert names are unique: " + name).isTrue();
            assertThat(rule.path("expr").asString()).as(name).isNotBlank();
            assertThat(rule.path("for").asString()).as(name + ": for").matches("\\d+[smhd]");
            assertThat(rule.path("labels").path("severity").asString()).as(name + ": severity").isIn("critical", "warning", "info");
            assertThat(rule.path("annotations").path("summary").asString()).as(name + ": summary").isNotBlank();
            assertThat(rule.path("annotations").path("description").asString()).as(name + ": description").isNotBlank();
        }
    }

    @Test
    void rulesOnlyUseMetricsTheServicesPublish() {
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (JsonNode rule : allRules()) {
            Set<String> used = metricNames(rule.path("expr").asString());
            assertThat(used).as(rule.path("alert").asString() + " selects a metric").isNotEmpty();
            used.stream().filter(m -> !known().contains(m))
                    .forEach(m -> unknown.computeIfAbsent(rule.path("alert").asString(), a -> new TreeSet<>()).add(m));
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theAlertsTheIssueAsksForExist() {
        Map<String, String> byExpr = new LinkedHashMap<>();
        allRules().forEach(r -> byExpr.put(r.path("alert").asString(), r.path("expr").asString()));
        assertThat(byExpr.values()).as("outbox backlog").anyMatch(e -> e.contains("bridgeway_outbox_backlog"));
        assertThat(byExpr.values()).as("consumer lag").anyMatch(e -> e.contains("kafka_consumer_fetch_manager_records_lag_max"));
        assertThat(byExpr.values()).as("a dead-letter topic growing")
                .anyMatch(e -> e.contains("bridgeway_dead_letters_total"));
        assertThat(byExpr.values()).as("notifications parked")
                .anyMatch(e -> e.contains("bridgeway_notification_deliveries_total") && e.contains("result=\"parked\""));
        assertThat(byExpr.values()).as("referrals going overdue")
                .anyMatch(e -> e.contains("bridgeway_referrals_events_total") && e.contains("type=\"overdue\""));
        assertThat(byExpr.values()).as("a service down").anyMatch(e -> e.matches("(?s)\\s*up\\{.*== 0\\s*"));
        assertThat(byExpr.values()).as("server errors").anyMatch(e -> e.contains("status=~\"5..\""));
        allRules().stream().filter(r -> r.path("expr").asString().contains("bridgeway_outbox_backlog"))
                .forEach(r -> assertThat(r.path("for").asString()).isEqualTo("5m"));
        allRules().stream().filter(r -> r.path("expr").asString().contains("kafka_consumer_fetch_manager_records_lag_max"))
                .forEach(r -> assertThat(r.path("for").asString()).isEqualTo("10m"));
    }

    // ------------------------------------------------------------------ label values

    /** The type label of bridgeway_referrals_events_total: the event names of referral-service's Change enum. */
    private static Set<String> referralEventTypes() {
        String change = ComposeAndObservabilitySupport.read(ComposeAndObservabilitySupport.ROOT
                .resolve("referral-service/src/main/java/org/bridgeway/referral/referral/Change.java"));
        assertThat(change).contains("\"org.bridgeway.referral.\" + eventName + \".v1\"");
        Set<String> types = new TreeSet<>();
        Matcher m = Pattern.compile("\\b[A-Z_]+\\(\"([a-z-]+)\"\\)").matcher(change);
        while (m.find()) {
            types.add(m.group(1));
        }
        return types;
    }

    private List<String> allExpressions() {
        List<String> exprs = new ArrayList<>();
        allRules().forEach(r -> exprs.add(r.path("expr").asString()));
        dashboards().values().forEach(d -> panels(d).forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asString()))));
        return exprs;
    }

    @Test
    void labelValuesAreOnesTheServicesUse() {
        Set<String> types = referralEventTypes();
        assertThat(types).contains("submitted", "accepted", "completed", "overdue", "expired");
        String notification = mainSources("notification-service");
        for (String expr : allExpressions()) {
            if (expr.contains("bridgeway_referrals_events_total")) {
                assertThat(types).as(expr).containsAll(labelValues(expr, "type"));
            }
            if (expr.contains("bridgeway_notification_deliveries_total")) {
                labelValues(expr, "result").forEach(result ->
                        assertThat(notification).as("delivery result " + result).contains("\"" + result + "\""));
            }
        }
    }

    // ------------------------------------------------------------------ Prometheus

    @Test
    void prometheusScrapesEveryServiceWithItsApplicationLabel() {
        JsonNode config = yaml(PROMETHEUS_CONFIG);
        assertThat(texts(config.path("rule_files"))).containsExactly("/etc/prometheus/rules.yml");
        JsonNode compose = yaml(COMPOSE_FILE);
        assertThat(texts(compose.path("services").path("prometheus").path("volumes")))
                .contains("../observability/prometheus/rules.yml:/etc/prometheus/rules.yml:ro",
                        "../observability/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");

        Map<String, String> targets = new TreeMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            for (JsonNode group : job.path("static_configs")) {
                String application = group.path("labels").path("application").asString();
                assertThat(application).as(job.path("job_name").asString() + ": every target has an application label").isNotBlank();
                for (JsonNode target : group.path("targets")) {
                    String host = target.asString().split(":")[0];
                    assertThat(host.equals("localhost") || compose.path("services").has(host))
                            .as(target.asString() + " is a compose service").isTrue();
                    if (job.path("job_name").asString().equals("bridgeway")) {
                        assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
                        targets.put(application, target.asString());
                    }
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        SERVICE_MODULES.forEach(m -> expected.put(m, m + ":" + serverPort(m)));
        assertThat(targets).isEqualTo(expected);
        for (String module : SERVICE_MODULES) {
            assertThat(applicationYml(module).path("management").path("endpoints").path("web").path("exposure").path("include").asString())
                    .as(module + " exposes the prometheus endpoint").contains("prometheus");
        }
    }

    @Test
    void onKubernetesTheServicesAreScrapedUnderTheSameJobAndApplicationLabel() {
        JsonNode job = yaml(PROMETHEUS_CONFIG.resolveSibling("kubernetes-scrape.yml")).path("scrape_configs").get(0);
        assertThat(job.path("job_name").asString()).as("the rules select job=\"bridgeway\"").isEqualTo("bridgeway");
        assertThat(job.path("kubernetes_sd_configs").get(0).path("role").asString()).isEqualTo("pod");
        assertThat(texts(job.path("kubernetes_sd_configs").get(0).path("namespaces").path("names"))).containsExactly("bridgeway");
        Map<String, String> targetLabels = new TreeMap<>();
        job.path("relabel_configs").forEach(r -> targetLabels.put(r.path("target_label").asString(), texts(r.path("source_labels")).toString()));
        assertThat(targetLabels).containsEntry("application", "[__meta_kubernetes_pod_label_app_kubernetes_io_name]")
                .containsEntry("__metrics_path__", "[__meta_kubernetes_pod_annotation_prometheus_io_path]");
    }

    // ------------------------------------------------------------------ Grafana

    private static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            files.filter(f -> f.toString().endsWith(".json")).forEach(f -> all.put(f.getFileName().toString(), json(f)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            all.add(p);
            p.path("panels").forEach(all::add);
        });
        return all;
    }

    private static Set<String> provisionedDatasources() {
        Set<String> uids = new TreeSet<>();
        yaml(GRAFANA.resolve("provisioning/datasources/datasources.yml")).path("datasources")
                .forEach(d -> uids.add(d.path("uid").asString()));
        return uids;
    }

    @Test
    void grafanaIsProvisionedFromTheseFiles() {
        assertThat(provisionedDatasources()).contains("prometheus", "tempo");
        JsonNode grafana = yaml(COMPOSE_FILE).path("services").path("grafana");
        List<String> volumes = texts(grafana.path("volumes"));
        JsonNode providers = yaml(GRAFANA.resolve("provisioning/dashboards/dashboards.yml")).path("providers");
        String path = providers.path(0).path("options").path("path").asString();
        assertThat(volumes).contains("../observability/grafana/provisioning:/etc/grafana/provisioning:ro",
                "../observability/grafana/dashboards:" + path + ":ro");
        String home = environment(grafana).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(path + "/");
        assertThat(DASHBOARDS.resolve(home.substring(path.length() + 1))).exists();
        // The data sources' addresses are compose services.
        yaml(GRAFANA.resolve("provisioning/datasources/datasources.yml")).path("datasources").forEach(d -> {
            String host = java.net.URI.create(d.path("url").asString()).getHost();
            assertThat(yaml(COMPOSE_FILE).path("services").has(host)).as(host).isTrue();
        });
    }

    @Test
    void dashboardsAreWellFormedAndUseOnlyKnownMetrics() {
        Map<String, JsonNode> dashboards = dashboards();
        assertThat(dashboards).containsKeys("bridgeway-referral-flow.json", "bridgeway-service.json");
        Set<String> uids = new HashSet<>();
        Set<String> datasources = provisionedDatasources();
        Map<String, Set<String>> unknown = new TreeMap<>();
        dashboards.forEach((file, dashboard) -> {
            assertThat(dashboard.path("title").asString()).as(file + ": title").isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asString())).as(file + ": unique uid").isTrue();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels(dashboard)) {
                String where = file + " panel " + panel.path("title").asString();
                assertThat(ids.add(panel.path("id").asInt())).as(where + ": unique id " + panel.path("id").asInt()).isTrue();
                assertThat(panel.path("title").asString()).as(file + ": every panel has a title").isNotBlank();
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                assertThat(datasources).as(where + ": datasource").contains(panel.path("datasource").path("uid").asString());
                assertThat(panel.path("targets").size()).as(where + ": queries").isPositive();
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString();
                    assertThat(expr).as(where).isNotBlank();
                    Set<String> used = metricNames(expr);
                    assertThat(used).as(where + " selects a metric").isNotEmpty();
                    used.stream().filter(m -> !known().contains(m))
                            .forEach(m -> unknown.computeIfAbsent(where, w -> new TreeSet<>()).add(m));
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher m = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)").matcher(variable.path("definition").asString());
                assertThat(m.matches()).as(file + ": variable " + variable.path("name").asString()).isTrue();
                metricNames(m.group(1)).stream().filter(n -> !known().contains(n))
                        .forEach(n -> unknown.computeIfAbsent(file + " variable", w -> new TreeSet<>()).add(n));
            }
        });
        assertThat(unknown).as("metrics the services do not publish").isEmpty();
    }

    private static String expressionsOf(JsonNode dashboard) {
        StringBuilder all = new StringBuilder();
        panels(dashboard).forEach(p -> p.path("targets").forEach(t -> all.append(t.path("expr").asString()).append('\n')));
        return all.toString();
    }

    @Test
    void theReferralFlowDashboardShowsTheFlow() {
        JsonNode flow = dashboards().get("bridgeway-referral-flow.json");
        String exprs = expressionsOf(flow);
        Set<String> types = new TreeSet<>();
        for (String line : exprs.split("\n")) {
            if (line.contains("bridgeway_referrals_events_total")) {
                types.addAll(labelValues(line, "type"));
            }
        }
        assertThat(types).contains("submitted", "accepted", "completed", "overdue", "expired");
        assertThat(exprs).contains("bridgeway_outbox_backlog", "bridgeway_notification_delay_seconds",
                "bridgeway_notification_deliveries_total", "kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void theServiceDashboardShowsEachServiceByItsApplicationLabel() {
        JsonNode service = dashboards().get("bridgeway-service.json");
        assertThat(service.path("templating").path("list").path(0).path("name").asString()).isEqualTo("application");
        String exprs = expressionsOf(service);
        assertThat(exprs).contains("http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "jvm_gc_pause_seconds",
                "kafka_consumer_fetch_manager_records_lag_max");
        for (String line : exprs.split("\n")) {
            if (!line.isBlank()) {
                assertThat(line).as("every query is for the chosen service").contains("application=\"$application\"");
            }
        }
    }
}
