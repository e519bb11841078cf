package io.atc.core.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's database, {@code atc.db.*}: the reactive pool is configured from these in
 * META-INF/microprofile-config.properties (and its TLS by io.atc.core.tenancy.ServicePoolCreator);
 * listeners and the start-up check read them here.
 */
@ConfigMapping(prefix = "atc.db")
public interface DatabaseConfig {

    /** {@code postgresql://host:port/database}. */
    @WithDefault("postgresql://127.0.0.1:5432/atc")
    String url();

    /** The service login role (NOSUPERUSER, NOBYPASSRLS, owns nothing). */
    @WithDefault("atc_app")
    String appUser();

    Optional<String> appPassword();

    /** Reactive pool size per service. */
    @WithDefault("20")
    @Min(1)
    int poolSize();

    /**
     * libpq's sslmode for every connection the service opens (DatabaseTls); prefer, as libpq, so that a
     * local Postgres without TLS works: production sets verify-full (docs/configuration.md, "Database").
     */
    @WithDefault("prefer")
    DatabaseSslMode sslMode();

    /** Path of the PEM CA bundle that verify-ca and verify-full check the server's certificate against. */
    Optional<String> sslRootCert();

    /** How long the start-up database check waits. */
    @WithDefault("15s")
    Duration startupTimeout();
}
