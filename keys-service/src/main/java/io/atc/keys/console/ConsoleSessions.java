package io.atc.keys.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.console.SessionTokens.SessionCookie;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Server-side console sessions. A session is a row of its tenant (keys.console_sessions, under row
 * level security) found by the SHA-256 of the random id its cookie carries; every request made with
 * the cookie reads that row, together with its user, in the tenant's transaction. Ending a session
 * deletes the row, so the next request on any replica is refused: there is no cache to invalidate,
 * hence nothing to notify. Sign-out, disabling or deleting the user and a password change end
 * sessions, each audited in the transaction that ends them.
 */
@ApplicationScoped
public class ConsoleSessions {

    private static final String INSERT = """
            insert into keys.console_sessions (tenant_id, session_hash, user_id, expires_at) values ($1, $2, $3, $4)
            """;
    private static final String FORGET_EXPIRED = """
            delete from keys.console_sessions where tenant_id = $1 and user_id = $2 and expires_at <= now()
            """;
    private static final String FIND = """
            select u.scopes from keys.console_sessions s
              join keys.console_users u on u.tenant_id = s.tenant_id and u.user_id = s.user_id
             where s.tenant_id = $1 and s.session_hash = $2 and s.user_id = $3
               and s.expires_at > now() and u.disabled_at is null
            """;
    private static final String END_ONE = """
            delete from keys.console_sessions where tenant_id = $1 and session_hash = $2 and user_id = $3
            """;
    private static final String END_ALL = """
            delete from keys.console_sessions where tenant_id = $1 and user_id = $2
            """;

    private final TenantTransactions transactions;
    private final SessionTokens tokens;

    public ConsoleSessions(TenantTransactions transactions, SessionTokens tokens) {
        this.transactions = transactions;
        this.tokens = tokens;
    }

    /** Starts a session of {@code userId} inside the sign-in's transaction (whose audit entry records it). */
    Uni<Signed> start(TenantSql sql, UUID userId, List<String> scopes) {
        SessionCookie cookie = tokens.newSession(sql.tenantId(), userId);
        return sql.execute(FORGET_EXPIRED, Tuple.of(sql.tenantId(), userId))
                .flatMap(forgotten -> sql.execute(
                        INSERT,
                        Tuple.of(
                                sql.tenantId(),
                                cookie.sessionHash(),
                                userId,
                                cookie.expiresAt().atOffset(ZoneOffset.UTC))))
                .map(inserted -> signed(cookie, scopes));
    }

    /**
     * The live session a cookie proves, with the cookie to send back (its idle clock restarted):
     * the cookie must be ours, unexpired, not idle and (for a change) carry its CSRF token, and its
     * session row must still exist, with its user enabled. The user's scopes are read now, not
     * trusted from the cookie.
     */
    Uni<Optional<Signed>> check(String cookieValue, String method, String csrfHeader) {
        Optional<SessionCookie> claimed = tokens.read(cookieValue, method, csrfHeader);
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        SessionCookie cookie = claimed.get();
        return transactions
                .read(
                        cookie.tenant(),
                        sql -> sql.execute(FIND, Tuple.of(cookie.tenant(), cookie.sessionHash(), cookie.userId())))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row user = rows.iterator().next();
                    return Optional.of(signed(tokens.touched(cookie), Arrays.asList(user.getArrayOfStrings("scopes"))));
                });
    }

    /** Sign-out: this session ends. */
    Uni<Void> end(Signed session) {
        SessionCookie cookie = session.cookie();
        String user = "user:" + cookie.userId();
        return transactions.mutate(
                cookie.tenant(), AuditEntry.of(user, "console.session.ended", user), sql -> sql.execute(
                                END_ONE, Tuple.of(cookie.tenant(), cookie.sessionHash(), cookie.userId()))
                        .replaceWithVoid());
    }

    /** "Sign out everywhere": every session of the signed-in user ends, this one included. */
    Uni<Integer> endEverywhere(Signed session) {
        UUID tenant = session.cookie().tenant();
        UUID userId = session.cookie().userId();
        String user = "user:" + userId;
        return transactions.mutate(tenant, sql -> endAllOf(sql, userId)
                .map(ended -> Audited.of(
                        ended, new AuditEntry(user, "console.sessions.ended", user, Map.of("sessions", ended)))));
    }

    /** Ends every session of {@code userId}, in the caller's (audited) transaction; how many there were. */
    static Uni<Integer> endAllOf(TenantSql sql, UUID userId) {
        return sql.execute(END_ALL, Tuple.of(sql.tenantId(), userId)).map(rows -> rows.rowCount());
    }

    private Signed signed(SessionCookie cookie, List<String> scopes) {
        ConsoleSession session =
                new ConsoleSession(cookie.tenant(), cookie.userId(), scopes, cookie.expiresAt(), cookie.csrfToken());
        return new Signed(session, cookie, tokens.sign(cookie));
    }

    /** A live session, with the cookie value to (re)send. */
    record Signed(ConsoleSession session, SessionCookie cookie, String cookieValue) {

        /** The cookie's Max-Age: what is left of the session's absolute lifetime. */
        Duration remaining() {
            Duration left = Duration.between(Instant.now(), cookie.expiresAt());
            return left.isNegative() ? Duration.ZERO : left;
        }

        @Override
        public String toString() {
            return "Signed[" + session.userId() + "]";
        }
    }
}
