package io.atc.keys.console;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A console user as the API shows it; {@code disabledAt} is null while the user may sign in. */
@Schema(example = ConsoleExamples.USER)
public record ConsoleUserView(
        UUID id,
        String email,
        List<String> scopes,
        OffsetDateTime createdAt,

        @Schema(description = "who created it: `key:<keyId>` or `user:<userId>`")
        String createdBy,

        @Schema(description = "null while the user may sign in", nullable = true)
        OffsetDateTime disabledAt) {}
