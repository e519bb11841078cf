package io.atc.edge;

import org.eclipse.microprofile.openapi.OASFilter;

import io.atc.core.openapi.ResponseExamples;
import io.atc.edge.devices.DeviceExamples;
import io.atc.edge.history.EventExamples;
import io.atc.edge.sites.SiteExamples;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The site, device and event lists' page examples (platform-core {@link ResponseExamples} says why here). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ListResponseExamples extends ResponseExamples implements OASFilter {

    public ListResponseExamples() {
        super(
                Example.ofJson("listSites", "page", SiteExamples.PAGE),
                Example.ofJson("listDevices", "page", DeviceExamples.PAGE),
                Example.ofJson("listSiteEvents", "page", EventExamples.PAGE));
    }
}
