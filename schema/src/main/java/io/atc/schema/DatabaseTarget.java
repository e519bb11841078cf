package io.atc.schema;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the platform's database lives and who may touch it: the owner role runs migrations,
 * the app role is what services log in as (owns nothing, NOSUPERUSER, NOBYPASSRLS), and the retention
 * role is the retention-service's own login role, the only one that may delete ingested events and
 * images (design.md, least privilege per service).
 *
 * @param url postgresql://host:port/database (a jdbc: prefix is tolerated); TLS is not set here but by
 *     {@code tls}, and an {@code ssl*} parameter here is refused
 * @param tls how every JDBC connection to it is secured (ATC_DB_SSL_MODE, ATC_DB_SSL_ROOT_CERT)
 */
public record DatabaseTarget(
        String url,
        String ownerUser,
        String ownerPassword,
        String appUser,
        String appPassword,
        String retentionUser,
        String retentionPassword,
        DatabaseTls tls) {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern POSTGRES_URL =
            Pattern.compile("(jdbc:)?postgres(ql)?://[^/?#\\s]+/[^/?#\\s]+(\\?.*)?");

    public DatabaseTarget {
        Objects.requireNonNull(url, "database url");
        if (!POSTGRES_URL.matcher(url).matches()) {
            throw new IllegalArgumentException(
                    "ATC_DB_URL must look like postgresql://host:port/database, got: " + redact(url));
        }
        DatabaseTls.sslParameterOf(url).ifPresent(parameter -> {
            throw new IllegalArgumentException(DatabaseTls.sslInUrlProblem(parameter));
        });
        Objects.requireNonNull(tls, "database tls");
        requireRoleName("owner role", ownerUser);
        requireRoleName("app role", appUser);
        requireRoleName("retention role", retentionUser);
        if (ownerUser.equals(appUser)) {
            throw new IllegalArgumentException("the app role must differ from the owner role (" + appUser + ")");
        }
        if (retentionUser.equals(ownerUser) || retentionUser.equals(appUser)) {
            throw new IllegalArgumentException(
                    "the retention role must differ from the owner and app roles (" + retentionUser + ")");
        }
    }

    /** With the default TLS settings (prefer, as libpq and pgjdbc): for local databases and tests. */
    public DatabaseTarget(
            String url,
            String ownerUser,
            String ownerPassword,
            String appUser,
            String appPassword,
            String retentionUser,
            String retentionPassword) {
        this(
                url,
                ownerUser,
                ownerPassword,
                appUser,
                appPassword,
                retentionUser,
                retentionPassword,
                DatabaseTls.DEFAULT);
    }

    /** The JDBC URL, with the TLS parameters: every connection the migrator (and Flyway) opens is secured alike. */
    public String jdbcUrl() {
        String plain = uri();
        return "jdbc:" + plain + (plain.contains("?") ? "&" : "?") + tls.jdbcParameters();
    }

    /** The URL without the jdbc: prefix and without TLS parameters, as the reactive client and ATC_DB_URL take it. */
    public String uri() {
        String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
        return plain.replaceFirst("^postgres://", "postgresql://");
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + redact(url) + ", owner=" + ownerUser + ", app=" + appUser + ", retention="
                + retentionUser + ", sslmode=" + tls.mode() + "]";
    }

    private static void requireRoleName(String what, String name) {
        if (name == null || !ROLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match " + ROLE_NAME.pattern() + ", got: " + name);
        }
    }

    /** URLs may carry user:password@; never print it. */
    static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }
}
