package io.atc.edge.sites;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or rename a site. */
@Schema(description = "A site's name, to create or rename it")
public record SiteDraft(
        @Schema(
                description = "1 to 200 characters, not only spaces; leading and trailing spaces are dropped",
                example = "Rotterdam depot")
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String name) {}
