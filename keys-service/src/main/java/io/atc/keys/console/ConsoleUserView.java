package io.atc.keys.console;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A console user as the API shows it; {@code disabledAt} is null while the user may sign in. */
public record ConsoleUserView(
        UUID id,
        String email,
        List<String> scopes,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime disabledAt) {}
