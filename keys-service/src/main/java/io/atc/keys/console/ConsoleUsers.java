package io.atc.keys.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.identity.Scope;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.apikeys.rules.Scopes;
import io.atc.keys.crypto.Argon2idHasher;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Console users and their sign-in. A user belongs to one tenant: its e-mail address is unique
 * within that tenant only, and sign-in names the tenant and reads only inside it, so nothing one
 * tenant does reveals or blocks another tenant's addresses. An unknown tenant, an unknown e-mail,
 * a wrong password and a disabled user fail alike, after the same argon2id work; every sign-in
 * and sign-out is an audit event of the user's tenant.
 */
@ApplicationScoped
public class ConsoleUsers {

    private static final String INSERT = """
            insert into keys.console_users (tenant_id, email, password_hash, scopes, created_by) values ($1, $2, $3, $4, $5)
            returning user_id, email, scopes, created_at, created_by
            """;
    private static final String FOR_SIGN_IN = """
            select user_id, password_hash, disabled_at, scopes from keys.console_users where tenant_id = $1 and email = $2
            """;

    private final TenantTransactions transactions;
    private final Argon2idHasher hasher;
    private final SessionTokens sessions;

    public ConsoleUsers(TenantTransactions transactions, Argon2idHasher hasher, SessionTokens sessions) {
        this.transactions = transactions;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    public Uni<ConsoleUserView> create(Caller caller, ConsoleUserDraft draft) {
        String email = draft.email().strip().toLowerCase(Locale.ROOT);
        if (draft.password().toLowerCase(Locale.ROOT).contains(email.substring(0, email.indexOf('@')))) {
            throw ProblemException.invalid("password", "must not contain the email's name");
        }
        List<Scope> scopes = Scopes.canonical("scopes", draft.scopes());
        Scopes.requireGrantableBy(caller, scopes);
        return hasher.hash(draft.password())
                .flatMap(hash -> transactions.mutate(caller.tenantId(), sql -> sql.execute(
                                INSERT,
                                Tuple.of(
                                        caller.tenantId(),
                                        email,
                                        hash,
                                        Scopes.wireNames(scopes).toArray(String[]::new),
                                        caller.actor()))
                        .map(rows -> view(rows.iterator().next()))
                        .map(user -> Audited.of(
                                user,
                                new AuditEntry(
                                        caller.actor(),
                                        "console.user.created",
                                        "user:" + user.id(),
                                        Map.of("email", user.email(), "scopes", user.scopes()))))));
    }

    Uni<SessionTokens.Issued> signIn(SignInRequest request) {
        UUID tenant = request.tenant();
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        return transactions
                .read(tenant, sql -> sql.execute(FOR_SIGN_IN, Tuple.of(tenant, email)))
                .map(ConsoleUsers::first)
                .flatMap(found -> found.isEmpty() ? decoy(request) : verify(tenant, found.get(), request));
    }

    Uni<Void> signOut(ConsoleSession session) {
        return transactions.mutate(session.tenant(), sql -> Uni.createFrom()
                .item(Audited.of(
                        (Void) null,
                        AuditEntry.of(
                                "user:" + session.userId(), "console.session.ended", "user:" + session.userId()))));
    }

    /** No such user in that tenant (or no such tenant): the same argon2id work as a real user, then the same refusal. */
    private Uni<SessionTokens.Issued> decoy(SignInRequest request) {
        return hasher.verifyDecoy(request.password()).map(ignored -> {
            throw wrongCredentials();
        });
    }

    private Uni<SessionTokens.Issued> verify(UUID tenant, Row user, SignInRequest request) {
        return hasher.verify(user.getString("password_hash"), request.password())
                .flatMap(matches -> {
                    if (!matches || user.getOffsetDateTime("disabled_at") != null) {
                        throw wrongCredentials();
                    }
                    UUID userId = user.getUUID("user_id");
                    List<String> scopes = Arrays.asList(user.getArrayOfStrings("scopes"));
                    return transactions.mutate(tenant, sql -> Uni.createFrom()
                            .item(Audited.of(
                                    sessions.issue(tenant, userId, scopes),
                                    AuditEntry.of("user:" + userId, "console.session.started", "user:" + userId))));
                });
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
    }

    private static ProblemException wrongCredentials() {
        return new ProblemException(ProblemType.UNAUTHENTICATED, "The tenant, the email or the password is wrong.");
    }

    private static ConsoleUserView view(Row row) {
        return new ConsoleUserView(
                row.getUUID("user_id"),
                row.getString("email"),
                Arrays.asList(row.getArrayOfStrings("scopes")),
                row.getOffsetDateTime("created_at"),
                row.getString("created_by"));
    }
}
