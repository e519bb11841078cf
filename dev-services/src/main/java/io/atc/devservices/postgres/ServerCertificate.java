package io.atc.devservices.postgres;

/**
 * The certificate (chain) and private key an embedded server presents to TLS clients.
 *
 * @param certificatePem the server's certificate, optionally followed by intermediates, PEM
 * @param privateKeyPem  its private key, PEM (PKCS#8 or PKCS#1)
 */
public record ServerCertificate(String certificatePem, String privateKeyPem) {}
