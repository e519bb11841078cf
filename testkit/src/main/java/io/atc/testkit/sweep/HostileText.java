package io.atc.testkit.sweep;

/**
 * Text a careless or hostile client sends. All but the last are what Postgres cannot store: a NUL
 * (alone or inside a name) and UTF-16 surrogates without their partner. In a URL they travel as
 * their percent-encoded UTF-8 bytes (a lone surrogate's bytes are invalid UTF-8).
 */
public enum HostileText {
    NUL("\u0000", "%00"),
    NUL_INSIDE("Quay\u00007", "Quay%007"),
    LONE_HIGH_SURROGATE("\uD83D", "%ED%A0%BD"),
    LONE_LOW_SURROGATE("x\uDE00", "x%ED%B8%80"),
    VERY_LONG("x".repeat(100_000), "x".repeat(2_000));

    private final String text;
    private final String percentEncoded;

    HostileText(String text, String percentEncoded) {
        this.text = text;
        this.percentEncoded = percentEncoded;
    }

    /** As a JSON string value or a header value. */
    public String text() {
        return text;
    }

    /** As a JSON string literal, quoted and escaped the way a client's JSON library writes it. */
    public String asJsonString() {
        return AsciiJson.write(text);
    }

    /** In a path or query, short enough for any request line limit. */
    public String percentEncoded() {
        return percentEncoded;
    }

    public boolean postgresCannotStore() {
        return this != VERY_LONG;
    }

    /** Whether the value still holds a NUL once a server has percent-decoded it. */
    public boolean nulOnceDecoded() {
        return this == NUL || this == NUL_INSIDE;
    }
}
