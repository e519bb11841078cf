package io.atc.devservices.mqtt;

import java.nio.file.Path;

/**
 * What the project's TLS listener reads, for a broker a test starts with it: the CA that client
 * certificates must chain to, the broker's own certificate and key, and the CRL file.
 */
public record TlsListenerFiles(Path caFile, Path certFile, Path keyFile, Path crlFile) {}
