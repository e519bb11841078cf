package io.atc.retention;

import org.eclipse.microprofile.openapi.OASFilter;

import io.atc.core.openapi.ResponseExamples;
import io.atc.retention.holds.HoldExamples;
import io.atc.retention.runs.RunExamples;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The hold and run lists' page examples (platform-core {@link ResponseExamples} says why they are added here). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class PageResponseExamples extends ResponseExamples implements OASFilter {

    public PageResponseExamples() {
        super(
                Example.ofJson("listRetentionHolds", "page", HoldExamples.PAGE),
                Example.ofJson("listRetentionRuns", "page", RunExamples.PAGE));
    }
}
