package io.atc.keys.apikeys;

import org.eclipse.microprofile.openapi.OASFilter;

import io.atc.core.openapi.ResponseExamples;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/** The key list's page example (platform-core {@link ResponseExamples} says why it is added here). */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiKeyPageExample extends ResponseExamples implements OASFilter {

    public ApiKeyPageExample() {
        super(Example.ofJson("listApiKeys", "page", ApiKeyExamples.PAGE));
    }
}
