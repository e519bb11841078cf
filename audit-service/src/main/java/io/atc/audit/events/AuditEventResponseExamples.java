package io.atc.audit.events;

import org.eclipse.microprofile.openapi.OASFilter;

import io.atc.core.openapi.ResponseExamples;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The audit list's page and the export's JSON Lines (platform-core {@link ResponseExamples} says why here). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AuditEventResponseExamples extends ResponseExamples implements OASFilter {

    public AuditEventResponseExamples() {
        super(
                Example.ofJson("listAuditEvents", "page", AuditEventExamples.PAGE),
                Example.ofText(
                        "exportAuditEvents", AuditEventResource.JSON_LINES, "two-events", AuditEventExamples.EXPORT));
    }
}
