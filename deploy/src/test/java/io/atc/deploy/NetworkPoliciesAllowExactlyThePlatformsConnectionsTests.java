package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.atc.deploy.Renderings.Pod;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * The NetworkPolicies as a whole: every pod is under a default deny for both directions, and the
 * ingress they allow, evaluated per pod, is exactly the platform's connections. Nothing outside the
 * namespace reaches anything but the gateway (from the ingress controller), the broker's device
 * listeners (from the device addresses) and the management ports (from monitoring).
 */
class NetworkPoliciesAllowExactlyThePlatformsConnectionsTests {

    /** component -> the ingress it must allow: "<peer> -> <port>". */
    private static final Map<String, Set<String>> EXPECTED_INGRESS = Map.of(
            "gateway", Set.of("ingress-controller -> 8080", "console -> 8080", "monitoring -> 9080"),
            "keys", Set.of("gateway -> 8081", "monitoring -> 9081"),
            "audit", Set.of("gateway -> 8082", "monitoring -> 9082"),
            "retention", Set.of("gateway -> 8083", "monitoring -> 9083"),
            "edge-bridge", Set.of("gateway -> 8084", "monitoring -> 9084"),
            "console", Set.of("gateway -> 8085", "monitoring -> 9085"),
            "broker", Set.of("edge-bridge -> 1883", "devices -> 8883"),
            "migrator", Set.of(),
            "audit-verify", Set.of());

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void everyPodIsUnderADefaultDenyOfIngressAndEgress(String valuesFile) {
        List<HasMetadata> objects = Renderings.of(valuesFile);
        NetworkPolicy deny = Renderings.named(objects, NetworkPolicy.class, "atc-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        assertThat(Renderings.pods(objects))
                .allSatisfy(pod -> assertThat(selects(deny.getSpec().getPodSelector(), pod.labels()))
                        .as(pod.name())
                        .isTrue());
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void eachPodAdmitsExactlyItsPlatformConnections(String valuesFile) {
        List<HasMetadata> objects = Renderings.of(valuesFile);
        List<NetworkPolicy> policies = Renderings.ofKind(objects, NetworkPolicy.class);
        for (Pod pod : Renderings.pods(objects)) {
            String component = pod.labels().get("app.kubernetes.io/component");
            Set<String> allowed = new TreeSet<>();
            for (NetworkPolicy policy : policies) {
                if (!selects(policy.getSpec().getPodSelector(), pod.labels())
                        || policy.getSpec().getIngress() == null) {
                    continue;
                }
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    assertThat(rule.getFrom())
                            .as(policy.getMetadata().getName() + ": a rule with no peers admits everyone")
                            .isNotEmpty();
                    assertThat(rule.getPorts())
                            .as(policy.getMetadata().getName() + ": a rule with no ports admits every port")
                            .isNotEmpty();
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        for (NetworkPolicyPort port : rule.getPorts()) {
                            allowed.add(peerName(peer, objects) + " -> "
                                    + port.getPort().getIntVal());
                        }
                    }
                }
            }
            Set<String> expected = new TreeSet<>(EXPECTED_INGRESS.get(component));
            assertThat(allowed).as(pod.name() + " in " + valuesFile).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void egressGoesOnlyToDnsTheDatabaseTheUpstreamsAndTheBroker(String valuesFile) {
        List<HasMetadata> objects = Renderings.of(valuesFile);
        List<NetworkPolicy> policies = Renderings.ofKind(objects, NetworkPolicy.class);
        for (Pod pod : Renderings.pods(objects)) {
            String component = pod.labels().get("app.kubernetes.io/component");
            Set<Integer> ports = new TreeSet<>();
            for (NetworkPolicy policy : policies) {
                if (selects(policy.getSpec().getPodSelector(), pod.labels())
                        && policy.getSpec().getEgress() != null) {
                    policy.getSpec().getEgress().forEach(rule -> {
                        assertThat(rule.getTo())
                                .as(policy.getMetadata().getName())
                                .isNotEmpty();
                        assertThat(rule.getPorts())
                                .as(policy.getMetadata().getName())
                                .isNotEmpty();
                        rule.getPorts().forEach(port -> ports.add(port.getPort().getIntVal()));
                    });
                }
            }
            Set<Integer> expected = new TreeSet<>(List.of(53));
            switch (component) {
                case "gateway" -> expected.addAll(List.of(5432, 8081, 8082, 8083, 8084, 8085));
                case "console" -> expected.add(8080);
                case "edge-bridge" -> expected.addAll(List.of(5432, 1883));
                case "broker" -> {}
                default -> expected.add(5432);
            }
            assertThat(ports).as(pod.name() + " egress ports").isEqualTo(expected);
        }
    }

    /** A readable name for a peer: a platform component, or what the values file says it is. */
    private static String peerName(NetworkPolicyPeer peer, List<HasMetadata> objects) {
        if (peer.getIpBlock() != null) {
            return "devices";
        }
        if (peer.getNamespaceSelector() != null) {
            Map<String, String> namespace = peer.getNamespaceSelector().getMatchLabels();
            String name = namespace == null ? "?" : namespace.get("kubernetes.io/metadata.name");
            if ("ingress-nginx".equals(name)) {
                return "ingress-controller";
            }
            if ("monitoring".equals(name)) {
                return "monitoring";
            }
            return "namespace " + namespace;
        }
        Map<String, String> labels = peer.getPodSelector().getMatchLabels();
        assertThat(labels)
                .as("a pod peer names a component of this release")
                .containsEntry("app.kubernetes.io/instance", HelmChart.RELEASE)
                .containsKey("app.kubernetes.io/component");
        return labels.get("app.kubernetes.io/component");
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? new ArrayList<>() : selector.getMatchExpressions();
        for (LabelSelectorRequirement expression : expressions) {
            String value = labels.get(expression.getKey());
            boolean in = value != null && expression.getValues().contains(value);
            switch (expression.getOperator()) {
                case "In" -> {
                    if (!in) return false;
                }
                case "NotIn" -> {
                    if (in) return false;
                }
                case "Exists" -> {
                    if (value == null) return false;
                }
                case "DoesNotExist" -> {
                    if (value != null) return false;
                }
                default -> throw new AssertionError("operator " + expression.getOperator());
            }
        }
        return true;
    }
}
