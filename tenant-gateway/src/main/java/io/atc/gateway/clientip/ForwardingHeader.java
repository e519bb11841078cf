package io.atc.gateway.clientip;

import java.util.Locale;

import io.vertx.core.http.HttpHeaders;

/**
 * The one header the trusted proxies write ({@code atc.gateway.client-ip.header}). Exactly one is
 * read: a proxy that maintains X-Forwarded-For usually passes a client's Forwarded header through
 * untouched, so "Forwarded when present" would let any client name its own address.
 */
public enum ForwardingHeader {
    X_FORWARDED_FOR("x-forwarded-for"),
    FORWARDED("forwarded");

    private final String configName;
    private final CharSequence headerName;

    ForwardingHeader(String configName) {
        this.configName = configName;
        this.headerName = HttpHeaders.createOptimized(configName);
    }

    public static ForwardingHeader fromConfig(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (ForwardingHeader header : values()) {
            if (header.configName.equals(wanted)) {
                return header;
            }
        }
        throw new IllegalArgumentException(
                "atc.gateway.client-ip.header must be x-forwarded-for or forwarded, not '" + value + "'");
    }

    CharSequence headerName() {
        return headerName;
    }

    public String configName() {
        return configName;
    }
}
