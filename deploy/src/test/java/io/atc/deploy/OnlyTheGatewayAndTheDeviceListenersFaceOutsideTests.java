package io.atc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

class OnlyTheGatewayAndTheDeviceListenersFaceOutsideTests {

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void everyIngressPathLeadsToTheGatewaysPublicPortOverTls(String valuesFile) {
        for (Ingress ingress : Renderings.ofKind(Renderings.of(valuesFile), Ingress.class)) {
            assertThat(ingress.getSpec().getTls()).isNotEmpty().allSatisfy(tls -> {
                assertThat(tls.getSecretName()).isNotBlank();
                assertThat(tls.getHosts()).isNotEmpty();
            });
            assertThat(ingress.getSpec().getDefaultBackend()).isNull();
            ingress.getSpec().getRules().forEach(rule -> {
                assertThat(ingress.getSpec().getTls().get(0).getHosts()).contains(rule.getHost());
                assertThat(rule.getHttp().getPaths()).allSatisfy(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo("atc-gateway");
                    assertThat(path.getBackend().getService().getPort().getName())
                            .isEqualTo("http");
                });
            });
        }
    }

    @ParameterizedTest
    @MethodSource("io.atc.deploy.Renderings#valuesFiles")
    void theOnlyServiceExposedOutsideTheClusterIsTheBrokersDeviceListener(String valuesFile) {
        List<Service> services = Renderings.ofKind(Renderings.of(valuesFile), Service.class);
        assertThat(services)
                .filteredOn(service -> service.getSpec().getType() != null
                        && !service.getSpec().getType().equals("ClusterIP"))
                .allSatisfy(service -> {
                    assertThat(service.getMetadata().getName()).isEqualTo("atc-broker-devices");
                    assertThat(service.getSpec().getPorts())
                            .extracting(port -> port.getTargetPort().getStrVal())
                            .containsExactly("mqtt-mtls");
                });
    }

    @Test
    void noServicePublishesAManagementPortOrThePlatformListenerToDevices() {
        for (String valuesFile : Renderings.VALUES_FILES) {
            for (Service service : Renderings.ofKind(Renderings.of(valuesFile), Service.class)) {
                for (ServicePort port : service.getSpec().getPorts()) {
                    assertThat(port.getTargetPort().getStrVal())
                            .as(service.getMetadata().getName())
                            .isNotEqualTo("management");
                    assertThat(port.getPort())
                            .as(service.getMetadata().getName())
                            .isNotIn(9080, 9081, 9082, 9083, 9084);
                }
            }
            Service devices = Renderings.named(Renderings.of(valuesFile), Service.class, "atc-broker-devices");
            assertThat(devices.getSpec().getPorts())
                    .extracting(ServicePort::getTargetPort)
                    .allSatisfy(target -> assertThat(target.getStrVal()).isNotEqualTo("mqtt-platform"));
        }
    }

    @Test
    void thePasswordListenerIsOffByDefaultAndWhenOnIsTlsAndReachableFromDevicesOnly() {
        String config = Renderings.named(
                        Renderings.of("default"), io.fabric8.kubernetes.api.model.ConfigMap.class, "atc-broker-config")
                .getData()
                .get("mosquitto.conf");
        assertThat(config).doesNotContain("listener 8884");

        List<HasMetadata> objects = RenderedObjects.parse(
                Renderings.CHART.render(List.of(), Map.of("broker.devices.passwordListener.enabled", true)));
        String withPasswords = Renderings.named(
                        objects, io.fabric8.kubernetes.api.model.ConfigMap.class, "atc-broker-config")
                .getData()
                .get("mosquitto.conf");
        String passwordListener = withPasswords.substring(withPasswords.indexOf("listener 8884"));
        assertThat(passwordListener).contains("certfile ", "keyfile ", "tls_version tlsv1.2");
        assertThat(Renderings.named(objects, Service.class, "atc-broker-devices")
                        .getSpec()
                        .getPorts())
                .extracting(port -> port.getTargetPort().getStrVal())
                .containsExactly("mqtt-mtls", "mqtt-password");
        NetworkPolicy broker = Renderings.named(objects, NetworkPolicy.class, "atc-broker");
        assertThat(broker.getSpec().getIngress())
                .filteredOn(rule -> rule.getFrom().get(0).getIpBlock() != null)
                .singleElement()
                .satisfies(rule -> assertThat(rule.getPorts())
                        .extracting(port -> port.getPort().getIntVal())
                        .containsExactly(8883, 8884));
    }

    @Test
    void theDeviceListenerTrustsOnlyThePlatformRootAndNamesSessionsByCertificateSubject() {
        String config = Renderings.named(
                        Renderings.of("default"), io.fabric8.kubernetes.api.model.ConfigMap.class, "atc-broker-config")
                .getData()
                .get("mosquitto.conf");
        String mtls = config.substring(config.indexOf("listener 8883"));
        assertThat(mtls)
                .contains(
                        "cafile /mosquitto/pki/root-ca.crt",
                        "crlfile /mosquitto/crl/device-crls.pem",
                        "require_certificate true",
                        "use_subject_as_username true",
                        "use_username_as_clientid true");
        assertThat(config).contains("allow_anonymous false", "per_listener_settings false");
    }
}
