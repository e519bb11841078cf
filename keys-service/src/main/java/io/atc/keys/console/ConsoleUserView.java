package io.atc.keys.console;

import java.time.OffsetDateTime;
import java.util.UUID;

public record ConsoleUserView(UUID id, String email, OffsetDateTime createdAt, String createdBy) {
}
