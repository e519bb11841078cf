package io.atc.gateway.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import jakarta.inject.Singleton;

import io.atc.gateway.auth.AuthOutcome;
import io.atc.gateway.routing.Route;
import io.atc.gateway.routing.RouteTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;

/**
 * The gateway's own meters: {@code atc.gateway.requests} (a latency histogram per route name,
 * method and status class) and {@code atc.gateway.auth} (one counter per authentication outcome).
 * Tags come from closed sets (configured route names, eight method names, six status classes,
 * {@link AuthOutcome#tag()}), never from a path, a key or a header; meters are looked up by array
 * index on the hot path.
 */
@Singleton
public class GatewayMetrics {

    public static final String REQUESTS = "atc.gateway.requests";
    public static final String AUTH = "atc.gateway.auth";
    /** The route tag of requests that matched no route (refused or unknown paths). */
    public static final String NO_ROUTE = "none";
    /** The status tag of exchanges that ended without a complete response (client gone, upstream failed mid-response). */
    public static final int RESET = 0;

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"};
    private static final String[] STATUSES = {"reset", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final String[] routeNames;
    private final AtomicReferenceArray<Timer> timers;
    private final Counter[] authOutcomes;

    public GatewayMetrics(MeterRegistry registry, RouteTable routes) {
        this.registry = registry;
        this.routeNames = new String[routes.routes().size() + 1];
        for (Route route : routes.routes()) {
            routeNames[route.index()] = route.name();
        }
        routeNames[routeNames.length - 1] = NO_ROUTE;
        this.timers = new AtomicReferenceArray<>(routeNames.length * METHODS.length * STATUSES.length);
        AuthOutcome[] outcomes = AuthOutcome.values();
        this.authOutcomes = new Counter[outcomes.length];
        for (AuthOutcome outcome : outcomes) {
            authOutcomes[outcome.ordinal()] = Counter.builder(AUTH)
                    .description("API-key authentication outcomes at the gateway")
                    .tag("outcome", outcome.tag())
                    .register(registry);
        }
    }

    /** @param route null when no route matched @param status the response status, or {@link #RESET} */
    public void request(Route route, HttpMethod method, int status, long nanos) {
        int routeIndex = route == null ? routeNames.length - 1 : route.index();
        int statusIndex = status < 100 || status > 599 ? 0 : status / 100;
        int slot = (routeIndex * METHODS.length + methodIndex(method)) * STATUSES.length + statusIndex;
        Timer timer = timers.get(slot);
        if (timer == null) {
            timer = Timer.builder(REQUESTS)
                    .description("Requests through the gateway, from arrival to the end of the response")
                    .tag("route", routeNames[routeIndex])
                    .tag("method", METHODS[methodIndex(method)])
                    .tag("status", STATUSES[statusIndex])
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(100_000))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry);
            timers.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void auth(AuthOutcome outcome) {
        authOutcomes[outcome.ordinal()].increment();
    }

    private static int methodIndex(HttpMethod method) {
        if (method == HttpMethod.GET) {
            return 0;
        } else if (method == HttpMethod.HEAD) {
            return 1;
        } else if (method == HttpMethod.POST) {
            return 2;
        } else if (method == HttpMethod.PUT) {
            return 3;
        } else if (method == HttpMethod.PATCH) {
            return 4;
        } else if (method == HttpMethod.DELETE) {
            return 5;
        } else if (method == HttpMethod.OPTIONS) {
            return 6;
        }
        return 7;
    }
}
