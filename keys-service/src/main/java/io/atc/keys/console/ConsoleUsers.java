package io.atc.keys.console;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.crypto.Argon2idHasher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Console users and their sign-in. A wrong email and a wrong password fail alike, after the same
 * argon2id work; every sign-in and sign-out is an audit event of the user's tenant.
 */
@ApplicationScoped
public class ConsoleUsers {

    private static final String INSERT = """
            insert into keys.console_users (tenant_id, email, password_hash, created_by) values ($1, $2, $3, $4)
            returning user_id, email, created_at, created_by
            """;
    private static final String BY_EMAIL = "select tenant_id, user_id, password_hash, disabled_at from keys.console_user_by_email($1)";

    private final Pool pool;
    private final TenantTransactions transactions;
    private final Argon2idHasher hasher;
    private final SessionTokens sessions;

    public ConsoleUsers(Pool pool, TenantTransactions transactions, Argon2idHasher hasher, SessionTokens sessions) {
        this.pool = pool;
        this.transactions = transactions;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    public Uni<ConsoleUserView> create(Caller caller, ConsoleUserDraft draft) {
        String email = draft.email().strip().toLowerCase(Locale.ROOT);
        if (draft.password().toLowerCase(Locale.ROOT).contains(email.substring(0, email.indexOf('@')))) {
            throw ProblemException.invalid("password", "must not contain the email's name");
        }
        return hasher.hash(draft.password()).flatMap(hash -> transactions.mutate(caller.tenantId(), sql -> sql
                .execute(INSERT, Tuple.of(caller.tenantId(), email, hash, caller.actor()))
                .map(rows -> view(rows.iterator().next()))
                .map(user -> Audited.of(user, new AuditEntry(caller.actor(), "console.user.created", "user:" + user.id(),
                        Map.of("email", user.email()))))));
    }

    Uni<SessionTokens.Issued> signIn(SignInRequest request) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        return pool.preparedQuery(BY_EMAIL).execute(Tuple.of(email)).flatMap(rows -> {
            if (!rows.iterator().hasNext()) {
                return hasher.verifyDecoy(request.password()).map(ignored -> { throw wrongCredentials(); });
            }
            Row user = rows.iterator().next();
            return hasher.verify(user.getString("password_hash"), request.password()).flatMap(matches -> {
                if (!matches || user.getOffsetDateTime("disabled_at") != null) {
                    throw wrongCredentials();
                }
                UUID tenant = user.getUUID("tenant_id");
                UUID userId = user.getUUID("user_id");
                return transactions.mutate(tenant, sql -> Uni.createFrom().item(Audited.of(sessions.issue(tenant, userId),
                        AuditEntry.of("user:" + userId, "console.session.started", "user:" + userId))));
            });
        });
    }

    Uni<Void> signOut(ConsoleSession session) {
        return transactions.mutate(session.tenant(), sql -> Uni.createFrom().item(Audited.of((Void) null,
                AuditEntry.of("user:" + session.userId(), "console.session.ended", "user:" + session.userId()))));
    }

    private static ProblemException wrongCredentials() {
        return new ProblemException(ProblemType.UNAUTHENTICATED, "The email or the password is wrong.");
    }

    private static ConsoleUserView view(Row row) {
        return new ConsoleUserView(row.getUUID("user_id"), row.getString("email"), row.getOffsetDateTime("created_at"),
                row.getString("created_by"));
    }
}
