package io.atc.gateway.pipeline;

import java.net.InetAddress;

import io.atc.gateway.identity.AuthenticatedKey;

/**
 * What the pipeline tells about a key it admitted, for the key's "last used" (bound to
 * {@code usage.KeyUseReporter} by {@link ReportedKeyUses}).
 */
public interface KeyUseRecorder {

    /** Called once the request is admitted, before it is forwarded; must not block. */
    void admitted(AuthenticatedKey key, InetAddress client);
}
