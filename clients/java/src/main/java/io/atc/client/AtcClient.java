package io.atc.client;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import io.atc.client.api.AuditApi;
import io.atc.client.api.ConsoleApi;
import io.atc.client.api.DevicesApi;
import io.atc.client.api.EventsApi;
import io.atc.client.api.KeysApi;
import io.atc.client.api.RetentionApi;
import io.atc.client.api.SitesApi;
import io.atc.client.api.TenantsApi;
import io.atc.client.invoker.ApiClient;

/**
 * The platform's API for one credential: the generated operation classes, one per tag, sharing one
 * configured {@link ApiClient}. The credential goes in a header on every request and nowhere else (not
 * in a URL, not in a log line of this class); {@link #toString()} never shows it.
 *
 * <pre>{@code
 * AtcClient atc = AtcClient.withApiKey(URI.create("https://api.example.com"), System.getenv("ATC_API_KEY"));
 * PageSite sites = Problems.call(() -> atc.sites().listSites(null, 50));
 * }</pre>
 */
public final class AtcClient {

    static final String USER_AGENT = "atc-client-java/" + Version.current();

    private final ApiClient api;
    private final URI baseUri;

    private AtcClient(URI baseUri, Consumer<HttpRequest.Builder> credential) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.api = new ApiClient(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)),
                ApiClient.createDefaultObjectMapper(),
                baseUri.toString());
        api.setReadTimeout(Duration.ofSeconds(60));
        api.setRequestInterceptor(request -> {
            request.setHeader("User-Agent", USER_AGENT);
            credential.accept(request);
        });
    }

    /** Requests with an API key, sent as {@code Authorization: Bearer <key>}. */
    public static AtcClient withApiKey(URI baseUri, String apiKey) {
        String key = requireCredential(apiKey, "apiKey");
        return new AtcClient(baseUri, request -> request.setHeader("Authorization", "Bearer " + key));
    }

    /** Requests with the platform operator's credential ({@code X-Operator-Token}): onboarding tenants only. */
    public static AtcClient withOperatorToken(URI baseUri, String operatorToken) {
        String token = requireCredential(operatorToken, "operatorToken");
        return new AtcClient(baseUri, request -> request.setHeader("X-Operator-Token", token));
    }

    /** Requests without a credential: the console's sign-in, the public document. */
    public static AtcClient anonymous(URI baseUri) {
        return new AtcClient(baseUri, request -> {});
    }

    /** Sees every response before it is read (status, headers, the request it answers), e.g. for metrics. */
    public AtcClient onResponse(Consumer<HttpResponse<InputStream>> observer) {
        api.setResponseInterceptor(observer);
        return this;
    }

    /** Replaces the HTTP client (a proxy, TLS settings, a cookie handler for the console's session). */
    public AtcClient httpClient(HttpClient.Builder builder) {
        api.setHttpClientBuilder(builder);
        return this;
    }

    public ApiClient apiClient() {
        return api;
    }

    public KeysApi keys() {
        return new KeysApi(api);
    }

    public TenantsApi tenants() {
        return new TenantsApi(api);
    }

    public ConsoleApi console() {
        return new ConsoleApi(api);
    }

    public AuditApi audit() {
        return new AuditApi(api);
    }

    public SitesApi sites() {
        return new SitesApi(api);
    }

    public DevicesApi devices() {
        return new DevicesApi(api);
    }

    public EventsApi events() {
        return new EventsApi(api);
    }

    public RetentionApi retention() {
        return new RetentionApi(api);
    }

    @Override
    public String toString() {
        return "AtcClient[" + baseUri + "]";
    }

    private static String requireCredential(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException(name + " holds a character no credential has");
        }
        return value;
    }
}
