package io.atc.gateway;

import java.util.HashMap;
import java.util.Map;

import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.quarkus.AtcTestResources;

/** The run's database and internal-token public key, plus the private key only the gateway holds. */
public class GatewayTestResources extends AtcTestResources {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("atc.internal-jwt.private-key", InternalTokens.privateKey());
        return config;
    }
}
