package io.atc.retention.settings;

import java.time.OffsetDateTime;

/** What a level stores (its own values, when and by whom they were set) and its parent level's values. */
record StoredLevels(
        OwnValues own,
        Integer parentEventsDays,
        Integer parentImagesDays,
        OffsetDateTime updatedAt,
        String updatedBy) {}
