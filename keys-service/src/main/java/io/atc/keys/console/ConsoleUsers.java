package io.atc.keys.console;

import java.time.Duration;
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
import io.atc.core.tenancy.TenantSql;
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
 * a wrong password and a disabled user fail alike, after the same argon2id work, and are throttled
 * alike ({@link SignInThrottle}). Every sign-in and sign-out is an audit event of the user's
 * tenant; disabling or deleting a user and setting its password end its sessions in the same
 * audited transaction.
 */
@ApplicationScoped
public class ConsoleUsers {

    private static final String USER_COLUMNS = "user_id, email, scopes, created_at, created_by, disabled_at";
    private static final String INSERT = """
            insert into keys.console_users (tenant_id, email, password_hash, scopes, created_by) values ($1, $2, $3, $4, $5)
            returning\s""" + USER_COLUMNS;
    private static final String FOR_SIGN_IN = """
            select user_id, password_hash, disabled_at, scopes from keys.console_users where tenant_id = $1 and email = $2
            """;
    private static final String SET_DISABLED = """
            update keys.console_users set disabled_at = case when $3 then coalesce(disabled_at, now()) end
             where tenant_id = $1 and user_id = $2
            returning\s""" + USER_COLUMNS;
    private static final String DELETE = """
            delete from keys.console_users where tenant_id = $1 and user_id = $2 returning email
            """;
    private static final String SET_PASSWORD = """
            update keys.console_users set password_hash = $3 where tenant_id = $1 and user_id = $2 returning email
            """;

    private final TenantTransactions transactions;
    private final Argon2idHasher hasher;
    private final ConsoleSessions sessions;
    private final SignInThrottle throttle;

    public ConsoleUsers(
            TenantTransactions transactions, Argon2idHasher hasher, ConsoleSessions sessions, SignInThrottle throttle) {
        this.transactions = transactions;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public Uni<ConsoleUserView> create(Caller caller, ConsoleUserDraft draft) {
        String email = draft.email().strip().toLowerCase(Locale.ROOT);
        requireNotContainingTheName("password", draft.password(), email);
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

    /** Disables (or enables again) a user of the caller's tenant; disabling ends its sessions. 404 for anyone else's. */
    public Uni<ConsoleUserView> setDisabled(Caller caller, UUID userId, boolean disabled) {
        return transactions.mutate(
                caller.tenantId(), sql -> sql.execute(SET_DISABLED, Tuple.of(caller.tenantId(), userId, disabled))
                        .map(ConsoleUsers::first)
                        .map(found -> view(found.orElseThrow(() -> ProblemException.notFound("console user"))))
                        .flatMap(user -> (disabled
                                        ? ConsoleSessions.endAllOf(sql, userId)
                                        : Uni.createFrom().item(0))
                                .map(ended -> Audited.of(
                                        user,
                                        new AuditEntry(
                                                caller.actor(),
                                                disabled ? "console.user.disabled" : "console.user.enabled",
                                                "user:" + userId,
                                                Map.of("sessionsEnded", ended))))));
    }

    /** Deletes a user of the caller's tenant and with it every session of that user. 404 for anyone else's. */
    public Uni<Void> delete(Caller caller, UUID userId) {
        return transactions.mutate(caller.tenantId(), sql -> ConsoleSessions.endAllOf(sql, userId)
                .flatMap(ended -> sql.execute(DELETE, Tuple.of(caller.tenantId(), userId))
                        .map(ConsoleUsers::first)
                        .map(found -> {
                            Row user = found.orElseThrow(() -> ProblemException.notFound("console user"));
                            return Audited.of(
                                    (Void) null,
                                    new AuditEntry(
                                            caller.actor(),
                                            "console.user.deleted",
                                            "user:" + userId,
                                            Map.of("email", user.getString("email"), "sessionsEnded", ended)));
                        })));
    }

    /** Sets a new password for a user of the caller's tenant and ends every session of that user. 404 for anyone else's. */
    public Uni<Void> setPassword(Caller caller, UUID userId, String password) {
        return hasher.hash(password)
                .flatMap(hash -> transactions.mutate(caller.tenantId(), sql -> sql.execute(
                                SET_PASSWORD, Tuple.of(caller.tenantId(), userId, hash))
                        .map(ConsoleUsers::first)
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("console user")))
                        .invoke(user -> requireNotContainingTheName("password", password, user.getString("email")))
                        .flatMap(user -> ConsoleSessions.endAllOf(sql, userId))
                        .map(ended -> Audited.of(
                                (Void) null,
                                new AuditEntry(
                                        caller.actor(),
                                        "console.user.password-set",
                                        "user:" + userId,
                                        Map.of("sessionsEnded", ended))))));
    }

    /**
     * Signs in, unless the account named is being throttled: then 429 before any database read or
     * argon2id work, whether the account exists or not.
     */
    Uni<ConsoleSessions.Signed> signIn(SignInRequest request) {
        UUID tenant = request.tenant();
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = throttle.admit(tenant, email);
        if (wait.isPresent()) {
            return Uni.createFrom().failure(new SignInThrottled(wait.get()));
        }
        return transactions
                .read(tenant, sql -> sql.execute(FOR_SIGN_IN, Tuple.of(tenant, email)))
                .map(ConsoleUsers::first)
                .flatMap(found -> found.isEmpty() ? decoy(request) : verify(tenant, found.get(), request))
                .onItem()
                .invoke(signed -> throttle.succeeded(tenant, email))
                .onFailure()
                .invoke(failure -> {
                    if (failure instanceof ProblemException problem && problem.type() == ProblemType.UNAUTHENTICATED) {
                        throttle.failed(tenant, email);
                    } else {
                        throttle.abandoned(tenant, email);
                    }
                })
                .onCancellation()
                .invoke(() -> throttle.abandoned(tenant, email));
    }

    /** No such user in that tenant (or no such tenant): the same argon2id work as a real user, then the same refusal. */
    private Uni<ConsoleSessions.Signed> decoy(SignInRequest request) {
        return hasher.verifyDecoy(request.password()).map(ignored -> {
            throw wrongCredentials();
        });
    }

    private Uni<ConsoleSessions.Signed> verify(UUID tenant, Row user, SignInRequest request) {
        return hasher.verify(user.getString("password_hash"), request.password())
                .flatMap(matches -> {
                    if (!matches || user.getOffsetDateTime("disabled_at") != null) {
                        throw wrongCredentials();
                    }
                    UUID userId = user.getUUID("user_id");
                    List<String> scopes = Arrays.asList(user.getArrayOfStrings("scopes"));
                    return transactions.mutate(tenant, sql -> started(sql, userId, scopes));
                });
    }

    private Uni<Audited<ConsoleSessions.Signed>> started(TenantSql sql, UUID userId, List<String> scopes) {
        String user = "user:" + userId;
        return sessions.start(sql, userId, scopes)
                .map(signed -> Audited.of(signed, AuditEntry.of(user, "console.session.started", user)));
    }

    private static void requireNotContainingTheName(String field, String password, String email) {
        if (password.toLowerCase(Locale.ROOT).contains(email.substring(0, email.indexOf('@')))) {
            throw ProblemException.invalid(field, "must not contain the email's name");
        }
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
                row.getString("created_by"),
                row.getOffsetDateTime("disabled_at"));
    }
}
