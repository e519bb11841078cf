package io.atc.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.atc.core.tenancy.ServiceRolePool;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * audit.append refuses, before writing anything, an event whose payload commitment is incomplete:
 * a NULL or short salt, a NULL or wrong-length payload hash, or a NULL actor, action or target.
 * The attack: a careless (or compromised) caller of the service role appends with a NULL salt; the
 * event is stored, and the tenant's chain then fails verification for ever (a false tamper alarm
 * planted by a bug). What breaks it: the V2/V5 check `octet_length(p_payload_salt) < 16`, which is
 * NULL, not true, for a NULL salt (V12 coalesces): without V12 the NULL salt is stored, and the
 * NULL hash and NULL actor are stopped only by a NOT NULL violation naming audit.chain_heads (those
 * three cases fail); the short salt and the wrong-length hash were refused before V12 too and stay
 * here as guards of the rewritten check.
 */
class AppendRefusesAnIncompleteCommitmentTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String APPEND = "select * from audit.append($1, 'test.event', 'site:x', '{}'::jsonb, $2, $3)";
    private static final String COMMITMENT_REQUIRED =
            "a salt of at least 16 bytes and a 32-byte payload hash are required";

    @RegisterExtension
    static final ServiceRolePool SERVICE = new ServiceRolePool(2);

    @Test
    void aNullSaltIsRefusedAndNothingIsWritten() throws Exception {
        assertRefused("x", null, new byte[32], COMMITMENT_REQUIRED);
    }

    @Test
    void aShortSaltIsRefusedAndNothingIsWritten() throws Exception {
        assertRefused("x", new byte[15], new byte[32], COMMITMENT_REQUIRED);
    }

    @Test
    void aNullPayloadHashIsRefusedAndNothingIsWritten() throws Exception {
        assertRefused("x", new byte[32], null, COMMITMENT_REQUIRED);
    }

    @Test
    void aPayloadHashOfTheWrongLengthIsRefusedAndNothingIsWritten() throws Exception {
        assertRefused("x", new byte[32], new byte[31], COMMITMENT_REQUIRED);
    }

    @Test
    void aNullActorIsRefusedAndNothingIsWritten() throws Exception {
        assertRefused(null, new byte[32], new byte[32], "actor, action and target are required");
    }

    private static void assertRefused(String actor, byte[] salt, byte[] payloadHash, String message) throws Exception {
        UUID tenant = UUID.randomUUID();
        SERVICE.transactions()
                .createTenant(tenant, "Careless caller " + tenant)
                .await()
                .atMost(WAIT);
        int before = ChainRows.of(SERVICE.database(), tenant).size();

        assertThatThrownBy(() -> SERVICE.pool()
                        .withTransaction(connection -> connection
                                .preparedQuery("select set_config('atc.tenant_id', $1, true)")
                                .execute(Tuple.of(tenant.toString()))
                                .flatMap(bound -> connection
                                        .preparedQuery(APPEND)
                                        .execute(Tuple.of(actor, buffer(salt), buffer(payloadHash)))))
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(PgException.class)
                .hasMessageContaining(message);

        assertThat(ChainRows.of(SERVICE.database(), tenant))
                .as("the chain is unchanged")
                .hasSize(before);
    }

    private static Buffer buffer(byte[] bytes) {
        return bytes == null ? null : Buffer.buffer(bytes);
    }
}
