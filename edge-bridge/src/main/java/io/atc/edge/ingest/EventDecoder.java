package io.atc.edge.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.atc.edge.ids.Uuids;

/**
 * Reads and validates one event payload against the event schema (docs/edge.md, "Event schema").
 * Everything Postgres would refuse is refused here, so a valid event cannot fail its batch:
 * a NUL character or a lone surrogate anywhere in a string, a number beyond numeric's range,
 * a timestamp outside timestamptz's.
 */
public final class EventDecoder {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_SCALE = 1000;
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final Set<String> FIELDS = Set.of("event_id", "occurred_at", "type", "data", "image_id");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final int maxBytes;

    public EventDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public DeviceEvent decode(byte[] payload) throws MessageRejected {
        if (payload.length > maxBytes) {
            throw new MessageRejected(DropReason.OVERSIZE, payload.length + " bytes, limit " + maxBytes);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new MessageRejected(DropReason.MALFORMED_JSON, "not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new MessageRejected(DropReason.MALFORMED_JSON, "empty");
        }
        if (!root.isObject()) {
            throw invalid("not a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw invalid("unknown field");
            }
        }
        UUID eventId = uuid(root, "event_id").orElseThrow(() -> invalid("event_id is required"));
        OffsetDateTime occurredAt = occurredAt(root.get("occurred_at"));
        String type = type(root.get("type"));
        JsonNode data = root.get("data");
        if (data != null && !data.isObject()) {
            throw invalid("data must be an object");
        }
        String dataJson = data == null ? "{}" : storable(data);
        UUID imageId = uuid(root, "image_id").orElse(null);
        return new DeviceEvent(eventId, occurredAt, type, dataJson, imageId, payload.length);
    }

    private static Optional<UUID> uuid(JsonNode root, String field) throws MessageRejected {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a UUID string");
        }
        Optional<UUID> parsed = Uuids.parseCanonical(value.textValue());
        if (parsed.isEmpty()) {
            throw invalid(field + " must be a UUID string");
        }
        return parsed;
    }

    private static OffsetDateTime occurredAt(JsonNode value) throws MessageRejected {
        if (value == null
                || !value.isTextual()
                || !RFC_3339.matcher(value.textValue()).matches()) {
            throw invalid("occurred_at must be an RFC 3339 timestamp with an offset");
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.textValue());
            if (parsed.isBefore(EARLIEST)) {
                throw invalid("occurred_at is before 1970");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw invalid("occurred_at is not a valid date and time");
        }
    }

    private static String type(JsonNode value) throws MessageRejected {
        if (value == null
                || !value.isTextual()
                || !TYPE.matcher(value.textValue()).matches()) {
            throw invalid("type must be 1-100 characters of letters, digits and . _ : -");
        }
        return value.textValue();
    }

    private static String storable(JsonNode data) throws MessageRejected {
        check(data, 1);
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw invalid("data cannot be re-encoded");
        }
    }

    private static void check(JsonNode node, int depth) throws MessageRejected {
        if (node.isContainerNode()) {
            if (depth > MAX_DEPTH) {
                throw invalid("data nests deeper than " + MAX_DEPTH);
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    checkText(field.getKey());
                    check(field.getValue(), depth + 1);
                }
            } else {
                for (JsonNode element : node) {
                    check(element, depth + 1);
                }
            }
        } else if (node.isTextual()) {
            checkText(node.textValue());
        } else if (node.isBigDecimal()) {
            BigDecimal number = node.decimalValue();
            if (Math.abs(number.scale()) > MAX_NUMBER_SCALE) {
                throw invalid("a number's exponent is beyond +-" + MAX_NUMBER_SCALE);
            }
        }
    }

    /** Postgres jsonb refuses \u0000 and unpaired surrogates. */
    private static void checkText(String text) throws MessageRejected {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw invalid("a string holds a NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw invalid("a string holds an unpaired surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw invalid("a string holds an unpaired surrogate");
            }
        }
    }

    private static MessageRejected invalid(String detail) {
        return new MessageRejected(DropReason.INVALID_EVENT, detail);
    }
}
