package io.atc.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.testkit.identity.InternalTokens;
import io.atc.testkit.quarkus.PackagedService;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Issue 16: a flood of well-formed unknown keys (valid checksums, so each costs the keys-service an
 * argon2id verification) at a fixed 2,000 requests/s, from one loopback address or spread over 64
 * (127.0.0.0/8 source addresses), while 100 real keys, each from its own address, send normal
 * traffic (5 requests/s each) and their verified-key cache entries expire during the run (TTL 10 s).
 * Reports the real keys' 2xx rate and p99 beside the same run without the flood, for the gateway as
 * built ("protected") and with the per-address budget and refresh-ahead switched off ("unprotected",
 * today's main code path). The load is open-model: requests are sent on schedule whether or not
 * earlier ones were answered, and latency counts from the scheduled time.
 *
 * <p>Runs the packaged keys-service and tenant-gateway on a database of its own (dropped at the end),
 * with a trivial upstream in this process for /v1/sites.
 */
public final class KeyFloodBenchmark {

    private static final int REAL_KEYS = 100;
    private static final String OPERATOR_TOKEN = "atc_op_bench_" + random(16);

    private KeyFloodBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        int seconds = BenchSupport.intOption(options, "seconds", 30);
        int rounds = BenchSupport.intOption(options, "rounds", 2);
        int floodRate = BenchSupport.intOption(options, "flood-rate", 2000);
        int realRate = BenchSupport.intOption(options, "real-rate-per-key", 5);
        List<String> modes =
                List.of(options.getOrDefault("modes", "protected,unprotected").split(","));
        String javaOptions = options.getOrDefault("java-options", "-Xmx512m -XX:+UseParallelGC");

        BenchSupport.Scratch scratch = BenchSupport.scratchDatabase(options);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpServer upstream = vertx.createHttpServer()
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end("{\"items\":[]}"))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        Map<String, String> database = new HashMap<>();
        database.put("ATC_DB_URL", scratch.database.target().uri());
        database.put("ATC_DB_APP_USER", scratch.database.target().appUser());
        database.put("ATC_DB_APP_PASSWORD", scratch.database.target().appPassword());
        database.put("ATC_INTERNAL_JWT_PUBLIC_KEY", InternalTokens.publicKey());
        database.put("ATC_OPERATOR_TOKEN", OPERATOR_TOKEN);
        database.put("ATC_LOG_LEVEL", "WARN");

        Map<String, String> keysEnvironment = new HashMap<>(database);
        keysEnvironment.put("ATC_KEYS_PEPPER", Base64.getEncoder().encodeToString(randomBytes(32)));
        PackagedService keysService = PackagedService.start(
                Path.of("keys-service/target/quarkus-app/quarkus-run.jar"),
                "ATC_KEYS_PORT",
                keysEnvironment,
                List.of(javaOptions.split("\\s+")));
        List<String> realKeys;
        try {
            keysService.awaitReady(Duration.ofSeconds(120));
            System.out.printf(
                    Locale.ROOT,
                    "Key flood: %d real keys at %d req/s each, flood %d req/s, %d s per run, %d round(s); %d cores; load average %s%n",
                    REAL_KEYS,
                    realRate,
                    floodRate,
                    seconds,
                    rounds,
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage());
            realKeys = null;
            for (int round = 1; round <= rounds; round++) {
                for (String mode : modes) {
                    PackagedService gateway =
                            startGateway(mode, keysService, upstream.actualPort(), database, javaOptions);
                    try {
                        HttpClient admin = client(vertx, "127.0.0.1", 8);
                        if (realKeys == null) {
                            realKeys = provision(admin, gateway.url());
                        }
                        Load load = new Load(vertx, gateway, realKeys, floodRate, realRate);
                        load.warmUp();
                        for (String flood : List.of("none", "one-address", "64-addresses")) {
                            Result result = load.run(flood, seconds);
                            System.out.printf(
                                    Locale.ROOT,
                                    "round %d  %-11s flood %-12s real keys: %6d sent, %8.3f %% 2xx, p50 %6.1f ms, p99 %7.1f ms, statuses %s; flood: %d sent, statuses %s; load avg %s%n",
                                    round,
                                    mode,
                                    flood,
                                    result.realSent,
                                    result.realSuccessPercent(),
                                    result.realPercentileMillis(0.50),
                                    result.realPercentileMillis(0.99),
                                    result.realStatuses,
                                    result.floodSent,
                                    result.floodStatuses,
                                    loadAverage());
                        }
                        admin.close();
                    } finally {
                        gateway.close();
                    }
                }
            }
        } finally {
            keysService.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            scratch.drop();
        }
        System.exit(0);
    }

    private static PackagedService startGateway(
            String mode,
            PackagedService keysService,
            int upstreamPort,
            Map<String, String> database,
            String javaOptions)
            throws InterruptedException {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("ATC_INTERNAL_JWT_PRIVATE_KEY", InternalTokens.privateKey());
        environment.put("ATC_GATEWAY_UPSTREAMS_KEYS_URL", keysService.url());
        environment.put("ATC_GATEWAY_UPSTREAMS_EDGE_URL", "http://127.0.0.1:" + upstreamPort);
        environment.put("ATC_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000");
        environment.put("ATC_GATEWAY_RATE_LIMIT_BURST", "1000000");
        environment.put("ATC_GATEWAY_RATE_LIMIT_KEYLESS_REQUESTS_PER_SECOND", "1000");
        environment.put("ATC_GATEWAY_RATE_LIMIT_KEYLESS_BURST", "1000");
        environment.put("ATC_GATEWAY_KEYS_CACHE_TTL", "PT10S");
        if (mode.equals("unprotected")) {
            environment.put("ATC_GATEWAY_KEYS_REFRESH_AHEAD_FRACTION", "0");
            environment.put("ATC_GATEWAY_KEYS_PER_ADDRESS_COLD_VERIFICATIONS_PER_SECOND", "0");
            environment.put("ATC_GATEWAY_KEYS_PER_ADDRESS_MAX_COLD_IN_FLIGHT", "0");
        } else if (!mode.equals("protected")) {
            throw new IllegalArgumentException("mode is protected or unprotected, not " + mode);
        }
        PackagedService gateway = PackagedService.start(
                Path.of("tenant-gateway/target/quarkus-app/quarkus-run.jar"),
                "ATC_GATEWAY_PORT",
                environment,
                List.of(javaOptions.split("\\s+")));
        return gateway.awaitReady(Duration.ofSeconds(120));
    }

    /** A tenant (its admin key comes back once), then the real keys, created through the gateway. */
    private static List<String> provision(HttpClient http, String gateway) throws Exception {
        JsonObject tenant = post(http, gateway + "/v1/tenants", new JsonObject().put("name", "Key flood bench"), null);
        String admin = tenant.getString(
                "key", tenant.getJsonObject("adminKey", new JsonObject()).getString("key"));
        if (admin == null) {
            throw new IllegalStateException("no admin key in " + tenant.fieldNames());
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < REAL_KEYS; i++) {
            JsonObject key = post(
                    http,
                    gateway + "/v1/keys",
                    new JsonObject()
                            .put("name", "flood bench " + i)
                            .put("scopes", new io.vertx.core.json.JsonArray().add("sites:read")),
                    admin);
            keys.add(key.getString("key"));
        }
        return keys;
    }

    private static JsonObject post(HttpClient http, String url, JsonObject body, String key) throws Exception {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .putHeader("Content-Type", "application/json");
        if (key == null) {
            request.putHeader("X-Operator-Token", OPERATOR_TOKEN);
        } else {
            request.putHeader("Authorization", "Bearer " + key);
        }
        return http.request(request)
                .compose(r -> r.send(body.toBuffer()))
                .compose(response -> response.body().map(buffer -> {
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException(
                                "POST " + url + " answered " + response.statusCode() + ": " + buffer);
                    }
                    return buffer.toJsonObject();
                }))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    static HttpClient client(Vertx vertx, String localAddress, int connections) {
        return vertx.createHttpClient(
                new HttpClientOptions()
                        .setLocalAddress(localAddress)
                        .setKeepAlive(true)
                        .setConnectTimeout(5000)
                        .setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** The clients (each real key and each flooding address its own source address) and one run's schedule. */
    private static final class Load {
        private final Vertx vertx;
        private final String host;
        private final int port;
        private final List<String> realKeys;
        private final List<HttpClient> realClients = new ArrayList<>();
        private final List<HttpClient> floodClients = new ArrayList<>();
        private final int floodRate;
        private final int realRate;
        private final ApiKeyFormat format =
                new ApiKeyFormat(System.getenv().getOrDefault("ATC_KEYS_ENVIRONMENT", "test"));

        Load(Vertx vertx, PackagedService gateway, List<String> realKeys, int floodRate, int realRate) {
            this.vertx = vertx;
            java.net.URI uri = java.net.URI.create(gateway.url());
            this.host = uri.getHost();
            this.port = uri.getPort();
            this.realKeys = realKeys;
            this.floodRate = floodRate;
            this.realRate = realRate;
            for (int i = 0; i < realKeys.size(); i++) {
                realClients.add(client(vertx, "127.0.1." + (i + 1), 4));
            }
            for (int i = 0; i < 64; i++) {
                floodClients.add(client(vertx, "127.0.2." + (i + 1), 32));
            }
        }

        /**
         * Every real key verified once (cold), eight at a time (the cold slots are few), so the runs
         * start from a warm cache as a live gateway would.
         */
        void warmUp() throws Exception {
            for (int from = 0; from < realKeys.size(); from += 8) {
                List<CompletableFuture<Integer>> answers = new ArrayList<>();
                for (int i = from; i < Math.min(from + 8, realKeys.size()); i++) {
                    answers.add(warm(i));
                }
                for (CompletableFuture<Integer> answer : answers) {
                    if (answer.get(120, TimeUnit.SECONDS) != 200) {
                        throw new IllegalStateException("a real key was refused in the warm-up: " + answer.get());
                    }
                }
            }
        }

        private CompletableFuture<Integer> warm(int key) throws Exception {
            int status = 0;
            for (int attempt = 0; attempt < 30 && status != 200; attempt++) {
                status = send(realClients.get(key), realKeys.get(key))
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                if (status != 200) {
                    Thread.sleep(200);
                }
            }
            return CompletableFuture.completedFuture(status);
        }

        Result run(String flood, int seconds) throws Exception {
            Result result = new Result();
            int floodAddresses = flood.equals("64-addresses") ? 64 : 1;
            int floodPerSecond = flood.equals("none") ? 0 : floodRate;
            int realPerSecond = realRate * realKeys.size();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            AtomicLong realScheduled = new AtomicLong();
            AtomicLong floodScheduled = new AtomicLong();
            List<CompletableFuture<Void>> pending = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> scheduleDone = new CompletableFuture<>();
            vertx.setPeriodic(1, timer -> {
                long now = System.nanoTime();
                long elapsed = Math.min(now, end) - start;
                long realDue = elapsed * realPerSecond / 1_000_000_000L;
                while (realScheduled.get() < realDue) {
                    long n = realScheduled.getAndIncrement();
                    long scheduledAt = start + n * 1_000_000_000L / realPerSecond;
                    int key = (int) (n % realKeys.size());
                    pending.add(send(realClients.get(key), realKeys.get(key))
                            .thenAccept(status -> result.real(status, System.nanoTime() - scheduledAt))
                            .toCompletableFuture());
                }
                long floodDue = elapsed * floodPerSecond / 1_000_000_000L;
                while (floodScheduled.get() < floodDue) {
                    long n = floodScheduled.getAndIncrement();
                    HttpClient client = floodClients.get((int) (n % floodAddresses));
                    pending.add(send(client, format.generate().raw())
                            .thenAccept(result::flood)
                            .toCompletableFuture());
                }
                if (now >= end) {
                    vertx.cancelTimer(timer);
                    scheduleDone.complete(null);
                }
            });
            scheduleDone.get(seconds + 30, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> all;
            synchronized (pending) {
                all = new ArrayList<>(pending);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return result;
        }

        /** The status, or 0 for no answer within 10 s / a connection failure. */
        java.util.concurrent.CompletionStage<Integer> send(HttpClient client, String key) {
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.GET)
                    .setHost(host)
                    .setPort(port)
                    .setURI("/v1/sites")
                    .setTimeout(10_000)
                    .putHeader("Authorization", "Bearer " + key);
            return client.request(request)
                    .compose(r -> r.send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .otherwise(0)
                    .toCompletionStage();
        }
    }

    private static final class Result {
        final Map<Integer, Integer> realStatuses = new ConcurrentHashMap<>();
        final Map<Integer, Integer> floodStatuses = new ConcurrentHashMap<>();
        private final List<Long> realLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
        int realSent;
        int floodSent;

        synchronized void real(int status, long nanos) {
            realStatuses.merge(status, 1, Integer::sum);
            realLatencies.add(nanos);
            realSent++;
        }

        synchronized void flood(int status) {
            floodStatuses.merge(status, 1, Integer::sum);
            floodSent++;
        }

        double realSuccessPercent() {
            int ok = realStatuses.entrySet().stream()
                    .filter(e -> e.getKey() / 100 == 2)
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            return realSent == 0 ? 0 : 100.0 * ok / realSent;
        }

        double realPercentileMillis(double p) {
            long[] sorted;
            synchronized (realLatencies) {
                sorted = realLatencies.stream().mapToLong(Long::longValue).toArray();
            }
            if (sorted.length == 0) {
                return Double.NaN;
            }
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return new TreeMap<>(realStatuses).toString();
        }
    }

    private static String loadAverage() {
        try {
            String[] fields =
                    java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String random(int n) {
        StringBuilder text = new StringBuilder();
        for (byte b : randomBytes(n)) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
