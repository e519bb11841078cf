package io.atc.retention.holds;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.atc.core.audit.AuditEntry;
import io.atc.core.errors.Problem;
import io.atc.core.errors.ProblemException;
import io.atc.core.errors.ProblemType;
import io.atc.core.identity.Caller;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.atc.core.tenancy.Audited;
import io.atc.core.tenancy.TenantSql;
import io.atc.core.tenancy.TenantTransactions;
import io.atc.retention.tenancy.TenantObjects;
import io.smallrye.mutiny.Uni;

/** Legal hold use cases for one tenant; each call is one tenant transaction. */
@ApplicationScoped
public class Holds {

    private static final String ONE_TARGET = "give exactly one of siteId and deviceId";

    private final TenantTransactions transactions;
    private final HoldRepository repository;
    private final TenantObjects objects;

    public Holds(TenantTransactions transactions, HoldRepository repository, TenantObjects objects) {
        this.transactions = transactions;
        this.repository = repository;
        this.objects = objects;
    }

    /** A hold on a site or device the caller's tenant has; another tenant's is 404, as if it did not exist. */
    public Uni<Hold> set(Caller caller, HoldDraft draft) {
        if ((draft.siteId() == null) == (draft.deviceId() == null)) {
            throw new ProblemException(
                    ProblemType.INVALID_INPUT,
                    "siteId, deviceId: " + ONE_TARGET,
                    List.of(
                            new Problem.FieldError("siteId", ONE_TARGET),
                            new Problem.FieldError("deviceId", ONE_TARGET)));
        }
        if (draft.endsAt() != null && !draft.endsAt().toInstant().isAfter(Instant.now())) {
            throw ProblemException.invalid("endsAt", "must be in the future");
        }
        String reason = draft.reason().strip();
        return transactions.mutate(caller.tenantId(), sql -> requireHeldObject(sql, draft)
                .flatMap(exists -> repository.insert(sql, draft, reason, caller.actor()))
                .map(hold -> Audited.of(
                        hold, new AuditEntry(caller.actor(), "retention.hold.set", hold.target(), details(hold)))));
    }

    public Uni<Page<Hold>> list(UUID tenantId, boolean includeInactive, PageCursor.Newest after, int limit) {
        return transactions
                .read(tenantId, sql -> repository.page(sql, includeInactive, after, limit + 1))
                .map(holds -> Page.of(
                        holds,
                        limit,
                        hold -> new PageCursor.Newest(hold.setAt().toInstant(), hold.holdId()),
                        PageCursor.NEWEST_FIRST));
    }

    public Uni<Hold> get(UUID tenantId, UUID holdId) {
        return transactions
                .read(tenantId, sql -> repository.find(sql, holdId))
                .map(found -> found.orElseThrow(() -> notFound(holdId)));
    }

    /** Releases a hold once: releasing a released hold is 409 and changes nothing (its first release stays on record). */
    public Uni<Hold> release(Caller caller, UUID holdId) {
        return transactions.mutate(caller.tenantId(), sql -> repository
                .release(sql, holdId, caller.actor())
                .flatMap(released -> released.isPresent()
                        ? Uni.createFrom().item(released.get())
                        : repository.find(sql, holdId).map(existing -> {
                            throw existing.map(Holds::alreadyReleased).orElseGet(() -> notFound(holdId));
                        }))
                .map(hold -> Audited.of(
                        hold,
                        new AuditEntry(
                                caller.actor(), "retention.hold.released", hold.target(), Map.of("holdId", holdId)))));
    }

    private Uni<Void> requireHeldObject(TenantSql sql, HoldDraft draft) {
        return draft.siteId() != null
                ? objects.requireSite(sql, draft.siteId())
                : objects.requireDevice(sql, draft.deviceId());
    }

    private static Map<String, Object> details(Hold hold) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("holdId", hold.holdId());
        details.put("reason", hold.reason());
        if (hold.endsAt() != null) {
            details.put("endsAt", hold.endsAt().toInstant().toString());
        }
        return details;
    }

    private static ProblemException alreadyReleased(Hold hold) {
        return new ProblemException(
                ProblemType.CONFLICT,
                "hold " + hold.holdId() + " was already released at "
                        + hold.releasedAt().toInstant() + " by " + hold.releasedBy());
    }

    private static ProblemException notFound(UUID holdId) {
        return ProblemException.notFound("hold " + holdId);
    }
}
