package io.atc.edge.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.atc.edge.ids.Uuids;

/**
 * Reads an image message: a 2-byte big-endian header length, a JSON header of that many bytes
 * ({@code image_id}, {@code content_type}, optional {@code sha256} in hex), then the image bytes
 * (docs/edge.md, "Image envelope"). MQTT 3.1.1 has no message properties, so the header travels
 * in the payload; a binary length prefix keeps the image bytes unescaped.
 */
public final class ImageEnvelope {

    static final int MAX_HEADER_BYTES = 1024;

    private static final Set<String> FIELDS = Set.of("image_id", "content_type", "sha256");
    private static final Pattern CONTENT_TYPE = Pattern.compile("image/[a-z0-9][a-z0-9.+-]{0,49}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int maxImageBytes;

    public ImageEnvelope(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    public ImageUpload decode(byte[] payload) throws MessageRejected {
        if (payload.length > 2 + MAX_HEADER_BYTES + (long) maxImageBytes) {
            throw new MessageRejected(DropReason.OVERSIZE, payload.length + " bytes");
        }
        if (payload.length < 2) {
            throw invalid("no header length");
        }
        int headerLength = ByteBuffer.wrap(payload, 0, 2).getShort() & 0xffff;
        if (headerLength == 0 || headerLength > MAX_HEADER_BYTES || payload.length < 2 + headerLength) {
            throw invalid("header length out of range");
        }
        int imageLength = payload.length - 2 - headerLength;
        if (imageLength > maxImageBytes) {
            throw new MessageRejected(DropReason.OVERSIZE, imageLength + " image bytes, limit " + maxImageBytes);
        }
        if (imageLength == 0) {
            throw invalid("no image bytes");
        }
        JsonNode header;
        try {
            header = JSON.readTree(payload, 2, headerLength);
        } catch (IOException e) {
            throw invalid("header is not JSON");
        }
        if (header == null || !header.isObject()) {
            throw invalid("header is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw invalid("unknown header field");
            }
        }
        UUID imageId =
                Uuids.parseCanonical(text(header, "image_id")).orElseThrow(() -> invalid("image_id must be a UUID"));
        String contentType = text(header, "content_type");
        if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
            throw invalid("content_type must be an image/* media type");
        }
        byte[] sha256 = null;
        if (header.has("sha256")) {
            String hex = text(header, "sha256");
            if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
                throw invalid("sha256 must be 64 lowercase hex digits");
            }
            sha256 = HexFormat.of().parseHex(hex);
        }
        return new ImageUpload(
                imageId, contentType, sha256, Arrays.copyOfRange(payload, 2 + headerLength, payload.length));
    }

    private static String text(JsonNode header, String field) {
        JsonNode value = header.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static MessageRejected invalid(String detail) {
        return new MessageRejected(DropReason.INVALID_IMAGE, detail);
    }
}
