package org.bridgeway.deploy;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What the NetworkPolicies of an overlay let through, evaluated as Kubernetes does: a pod that no
 * policy selects (for a direction) is open in that direction; a selected pod accepts only what
 * some rule of some policy selecting it allows. A connection needs the sender's egress and the
 * receiver's ingress. Only the Bridgeway namespace has policies here; other namespaces are open.
 */
final class NetworkPolicies {

    static final String NAMESPACE = "bridgeway";

    /** A pod (namespace and labels) or, with a null namespace, an address outside the cluster. */
    record Endpoint(String description, String namespace, Map<String, String> labels) {

        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace + "/" + labels, namespace, labels);
        }

        static Endpoint bridgeway(String appName) {
            return new Endpoint(appName, NAMESPACE, Map.of("app.kubernetes.io/name", appName));
        }

        static Endpoint internet() {
            return new Endpoint("the internet", null, Map.of());
        }

        boolean outsideTheCluster() {
            return namespace == null;
        }

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final List<JsonNode> policies;

    NetworkPolicies(RenderedOverlay overlay) {
        this.policies = overlay.ofKind("NetworkPolicy").toList();
    }

    /** Whether a TCP connection gets through: the sender may send it and the receiver admits it. */
    boolean allowsTcp(Endpoint from, Endpoint to, int port) {
        return allows(from, to, port, "TCP");
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return sends(from, to, port, protocol) && admits(from, to, port, protocol);
    }

    /** The sender's side alone: its egress policies let the connection out. */
    boolean sendsTcp(Endpoint from, Endpoint to, int port) {
        return sends(from, to, port, "TCP");
    }

    /** The receiver's side alone: its ingress policies let the connection in, whatever the sender's say. */
    boolean admitsTcp(Endpoint from, Endpoint to, int port) {
        return admits(from, to, port, "TCP");
    }

    private boolean sends(Endpoint from, Endpoint to, int port, String protocol) {
        return permitted(from, to, port, protocol, "Egress", "egress", "to", from);
    }

    private boolean admits(Endpoint from, Endpoint to, int port, String protocol) {
        return permitted(to, from, port, protocol, "Ingress", "ingress", "from", to);
    }

    /** Whether the policies selecting {@code subject} let it talk to (or hear from) {@code peer}. */
    private boolean permitted(Endpoint subject, Endpoint peer, int port, String protocol,
                              String policyType, String rulesField, String peersField, Endpoint selected) {
        if (selected.outsideTheCluster() || !NAMESPACE.equals(selected.namespace())) {
            return true;
        }
        List<JsonNode> selecting = policies.stream()
                .filter(policy -> RenderedOverlay.selects(policy.path("spec").path("podSelector"), subject.labels()))
                .filter(policy -> policyTypes(policy).contains(policyType))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (JsonNode policy : selecting) {
            for (JsonNode rule : policy.path("spec").path(rulesField)) {
                if (matchesPeers(rule.path(peersField), peer) && matchesPorts(rule.path("ports"), port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> policyTypes(JsonNode policy) {
        JsonNode types = policy.path("spec").path("policyTypes");
        if (types.isMissingNode()) {
            return policy.path("spec").has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
        }
        return types.values().stream().map(JsonNode::asString).toList();
    }

    /** No peers listed: everyone. Otherwise any listed peer. */
    private static boolean matchesPeers(JsonNode peers, Endpoint endpoint) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (matchesPeer(peer, endpoint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesPeer(JsonNode peer, Endpoint endpoint) {
        if (peer.has("ipBlock")) {
            // The policies here use address blocks for destinations outside the cluster only.
            return endpoint.outsideTheCluster();
        }
        if (endpoint.outsideTheCluster()) {
            return false;
        }
        boolean namespaceMatches = peer.has("namespaceSelector")
                ? RenderedOverlay.selects(peer.path("namespaceSelector"), endpoint.namespaceLabels())
                : NAMESPACE.equals(endpoint.namespace());
        boolean podMatches = !peer.has("podSelector") || RenderedOverlay.selects(peer.path("podSelector"), endpoint.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean matchesPorts(JsonNode ports, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode entry : ports) {
            String entryProtocol = entry.has("protocol") ? entry.path("protocol").asString() : "TCP";
            boolean anyPort = !entry.has("port");
            if (entryProtocol.equals(protocol) && (anyPort || entry.path("port").asInt() == port)) {
                return true;
            }
        }
        return false;
    }
}
