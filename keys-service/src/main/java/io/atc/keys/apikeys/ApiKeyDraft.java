package io.atc.keys.apikeys;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client asks for when creating a key. */
@Schema(example = """
        {"name": "CI deploys", "scopes": ["sites:read", "sites:write"], "expiresAt": "2027-06-30T00:00:00Z",
         "allowedCidrs": ["203.0.113.0/24", "2001:db8::/32"], "allowedOrigins": ["https://console.example.com"]}""")
public record ApiKeyDraft(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        List<String> scopes,
        OffsetDateTime expiresAt,
        List<String> allowedCidrs,
        List<String> allowedOrigins) {}
