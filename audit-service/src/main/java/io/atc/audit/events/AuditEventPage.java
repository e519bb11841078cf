package io.atc.audit.events;

import java.util.List;

/** One page of events in seq order; pass {@code nextAfterSeq} as {@code after_seq} for the next page. */
public record AuditEventPage(List<AuditEventView> items, Long nextAfterSeq) {
}
