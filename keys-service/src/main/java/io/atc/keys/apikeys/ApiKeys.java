package io.atc.keys.apikeys;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.identity.Scope;
import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.atc.core.net.Cidrs;
import io.atc.core.net.Origins;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.keys.apikeys.rules.Scopes;
import io.atc.keys.crypto.Argon2idHasher;
import io.atc.keys.crypto.KeyFingerprints;
import io.smallrye.mutiny.Uni;

/**
 * Key lifecycle for one tenant: issue, list, read, rotate, revoke. A raw key exists only in the
 * response that issues it; the argon2id hash is computed before the transaction opens, so no
 * connection waits on it. Every change is audited (prefix and settings, never the secret), and
 * creation, revocation and rotation notify every gateway replica on commit.
 */
@ApplicationScoped
public class ApiKeys {

    private final TenantTransactions transactions;
    private final ApiKeyRepository repository;
    private final ApiKeyFormat format;
    private final KeyFingerprints fingerprints;
    private final Argon2idHasher hasher;
    private final UnusedKeys unusedKeys;

    public ApiKeys(
            TenantTransactions transactions,
            ApiKeyRepository repository,
            ApiKeyFormat format,
            KeyFingerprints fingerprints,
            Argon2idHasher hasher,
            UnusedKeys unusedKeys) {
        this.transactions = transactions;
        this.repository = repository;
        this.format = format;
        this.fingerprints = fingerprints;
        this.hasher = hasher;
        this.unusedKeys = unusedKeys;
    }

    public Uni<IssuedApiKey> issue(Caller caller, ApiKeyDraft draft) {
        ValidDraft valid = validate(draft);
        Scopes.requireGrantableBy(caller, valid.scopes());
        return prepare(valid, caller.actor())
                .flatMap(prepared -> transactions.mutate(
                        caller.tenantId(), sql -> insert(sql, prepared, caller.actor(), "key.created")));
    }

    /** The tenant's first admin key, issued inside the transaction that creates the tenant. */
    public Uni<PreparedKey> prepareAdminKey(String name, String actor) {
        return prepare(new ValidDraft(name, List.of(Scope.ADMIN), null, List.of(), List.of()), actor);
    }

    public Uni<Audited<IssuedApiKey>> insert(TenantSql sql, PreparedKey prepared, String actor, String action) {
        // "created" lets every gateway learn the new key's browser origins (CORS preflight) at once.
        return repository
                .insert(sql, prepared.row())
                .flatMap(view -> KeyChangeNotifier.notify(sql, view.id(), view.prefix(), "created")
                        .replaceWith(view))
                .map(view -> Audited.of(
                        new IssuedApiKey(prepared.key().raw(), view),
                        new AuditEntry(actor, action, "key:" + view.id(), describe(view))));
    }

    /** @param unused null for every key, else only the keys whose {@code unused} flag is this */
    public Uni<Page<ApiKeyView>> list(UUID tenant, UUID after, int limit, Boolean unused) {
        UnusedKeys.Filter now = unusedKeys.filter(unused == null || unused);
        return transactions
                .read(
                        tenant,
                        sql -> unused == null
                                ? repository.page(sql, after, limit + 1)
                                : repository.page(sql, after, limit + 1, now))
                .map(keys -> Page.of(
                        keys.stream().map(key -> unusedKeys.flag(key, now)).toList(),
                        limit,
                        ApiKeyView::id,
                        PageCursor.BY_ID));
    }

    public Uni<ApiKeyView> get(UUID tenant, UUID keyId) {
        return transactions
                .read(tenant, sql -> repository.find(sql, keyId))
                .map(found -> unusedKeys.flag(found.orElseThrow(() -> notFound(keyId))));
    }

    public Uni<Void> revoke(Caller caller, UUID keyId) {
        return transactions.<Void>mutate(caller.tenantId(), sql -> repository
                .lock(sql, keyId)
                .map(found -> found.orElseThrow(() -> notFound(keyId)))
                .flatMap(current -> {
                    if (current.revokedAt() != null) {
                        throw new ProblemException(ProblemType.CONFLICT, "key " + keyId + " is already revoked");
                    }
                    return repository.revoke(sql, keyId).map(revoked -> revoked.orElseThrow(() -> notFound(keyId)));
                })
                .flatMap(revoked -> KeyChangeNotifier.notify(sql, keyId, revoked.prefix(), "revoked")
                        .map(done -> Audited.of(
                                (Void) null,
                                new AuditEntry(caller.actor(), "key.revoked", "key:" + keyId, describe(revoked))))));
    }

    public Uni<IssuedApiKey> rotate(Caller caller, UUID keyId, RotationRequest request) {
        long grace = request == null ? 0 : request.graceSeconds();
        return transactions
                .read(caller.tenantId(), sql -> repository.find(sql, keyId))
                .map(found -> rotatable(caller, found.orElseThrow(() -> notFound(keyId))))
                .flatMap(old -> prepare(
                        new ValidDraft(
                                old.name(),
                                Scopes.stored(old.scopes()),
                                old.expiresAt(),
                                old.allowedCidrs(),
                                old.allowedOrigins()),
                        caller.actor()))
                .flatMap(prepared -> transactions.mutate(caller.tenantId(), sql -> repository
                        .lock(sql, keyId)
                        .map(found -> rotatable(caller, found.orElseThrow(() -> notFound(keyId))))
                        .flatMap(old -> repository.insert(sql, prepared.row()).flatMap(successor -> repository
                                .retire(sql, keyId, successor.id(), grace)
                                .flatMap(retired -> KeyChangeNotifier.notify(sql, keyId, retired.prefix(), "rotated"))
                                .map(done -> Audited.of(
                                        new IssuedApiKey(prepared.key().raw(), successor),
                                        new AuditEntry(
                                                caller.actor(),
                                                "key.rotated",
                                                "key:" + keyId,
                                                rotation(old, successor, grace))))))));
    }

    private Uni<PreparedKey> prepare(ValidDraft draft, String actor) {
        ParsedApiKey key = format.generate();
        return hasher.hash(key.raw())
                .map(hash -> new PreparedKey(
                        key,
                        new NewKeyRow(
                                UUID.randomUUID(),
                                key.prefix(),
                                fingerprints.of(key.raw()),
                                hash,
                                draft.name(),
                                Scopes.wireNames(draft.scopes()),
                                draft.allowedCidrs(),
                                draft.allowedOrigins(),
                                draft.expiresAt(),
                                actor)));
    }

    private static ValidDraft validate(ApiKeyDraft draft) {
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(OffsetDateTime.now())) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        return new ValidDraft(
                draft.name().strip(),
                Scopes.canonical("scopes", draft.scopes()),
                draft.expiresAt(),
                Cidrs.canonical("allowedCidrs", draft.allowedCidrs()),
                Origins.canonical("allowedOrigins", draft.allowedOrigins()));
    }

    /** Rotation hands the caller a successor with the key's scopes, so it is issuing them: the same rule as creation. */
    private static ApiKeyView rotatable(Caller caller, ApiKeyView key) {
        Scopes.requireGrantableBy(caller, Scopes.stored(key.scopes()));
        if (!key.status().equals(KeyStatus.ACTIVE.label())) {
            throw new ProblemException(
                    ProblemType.CONFLICT, "key " + key.id() + " is " + key.status() + " and cannot be rotated");
        }
        if (key.rotatedTo() != null) {
            throw new ProblemException(ProblemType.CONFLICT, "key " + key.id() + " was already rotated");
        }
        return key;
    }

    private static Map<String, Object> describe(ApiKeyView key) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prefix", key.prefix());
        payload.put("name", key.name());
        payload.put("scopes", key.scopes());
        payload.put("allowedCidrs", key.allowedCidrs());
        payload.put("allowedOrigins", key.allowedOrigins());
        if (key.expiresAt() != null) {
            payload.put("expiresAt", key.expiresAt().toString());
        }
        return payload;
    }

    private static Map<String, Object> rotation(ApiKeyView old, ApiKeyView successor, long grace) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prefix", old.prefix());
        payload.put("successorId", successor.id().toString());
        payload.put("successorPrefix", successor.prefix());
        payload.put("gracePeriodSeconds", grace);
        return payload;
    }

    private static ProblemException notFound(UUID keyId) {
        return ProblemException.notFound("key " + keyId);
    }

    record ValidDraft(
            String name,
            List<Scope> scopes,
            OffsetDateTime expiresAt,
            List<String> allowedCidrs,
            List<String> allowedOrigins) {}
}
