package io.atc.retention.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/** The day counts set at one level (a site, or its tenant's default); null inherits. */
record OwnValues(Integer eventsDays, Integer imagesDays) {

    static final OwnValues INHERITED = new OwnValues(null, null);

    Map<String, Object> auditForm() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("eventsDays", eventsDays);
        values.put("imagesDays", imagesDays);
        return values;
    }
}
