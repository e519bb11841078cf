package io.atc.keys.console;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record ConsoleUserView(UUID id, String email, List<String> scopes, OffsetDateTime createdAt, String createdBy) {}
