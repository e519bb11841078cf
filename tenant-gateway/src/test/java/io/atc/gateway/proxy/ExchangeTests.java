package io.atc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.atc.core.errors.ProblemType;
import io.atc.gateway.config.GatewayConfig;
import io.atc.gateway.metrics.GatewayMetrics;
import io.atc.gateway.routing.Route;
import io.atc.gateway.routing.RouteTable;
import io.atc.gateway.vertx.VertxInternals;
import io.atc.testkit.config.ConfigMappings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Vertx;

/**
 * One exchange on Netty's EmbeddedChannel (no sockets, no Quarkus): the gateway's own answer, a
 * forwarded request and its response, and a client that leaves, each through the states it must
 * pass; a transition outside {@link ExchangeState}'s table fails loudly instead of corrupting the
 * connection. Breaks when: an exchange ends twice or not at all, an upstream connection is not
 * returned (or returned while still in use), or an illegal transition is silently accepted.
 */
class ExchangeTests {

    private static final String UPSTREAM_RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Exchange> exchanges = new ArrayList<>();
    private Vertx vertx;
    private RouteTable routes;
    private Upstreams upstreams;
    private Exchange.Services services;
    private EmbeddedChannel client;
    private EmbeddedChannel upstream;
    private ClientConnection.ExchangeHandler rules;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        routes = new RouteTable(Map.of("keys", new RouteTable.RouteDefinition(List.of("/v1/keys/**"), "keys")));
        upstreams = new Upstreams(vertx, config(), routes);
        services = new Exchange.Services(
                new GatewayMetrics(meters, routes),
                new ProblemWriter(new ObjectMapper()),
                new Forwarder(upstreams),
                upstreams,
                1024,
                TimeUnit.SECONDS.toNanos(30));
        client = new EmbeddedChannel();
        ClientConnection connection = new ClientConnection(
                exchange -> {
                    exchanges.add(exchange);
                    rules.handle(exchange);
                },
                services,
                VertxInternals.contextOf(vertx, client.eventLoop()),
                TimeUnit.MINUTES.toNanos(1));
        client.pipeline().addLast(connection);
        upstream = new EmbeddedChannel(Http1Encoder.requests(), new UpstreamConnection());
        pooled(upstream);
    }

    @AfterEach
    void tearDown() {
        client.finishAndReleaseAll();
        upstream.finishAndReleaseAll();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void anAnswerOfTheGatewayEndsTheExchange() {
        rules = exchange -> exchange.decide(refusal(ProblemType.NOT_FOUND, "No route for /v1/nothing."));

        client.writeInbound(get("/v1/nothing"), LastHttpContent.EMPTY_LAST_CONTENT);

        FullHttpResponse answer = client.readOutbound();
        assertThat(answer.status().code()).isEqualTo(404);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.headers().get("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(answer.content().toString(StandardCharsets.UTF_8)).contains("No route for /v1/nothing.");
        answer.release();
        assertThat(only().state()).isEqualTo(ExchangeState.DONE);
        assertThat(meters.get(GatewayMetrics.REQUESTS)
                        .tag("status", "4xx")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aForwardedRequestReachesItsUpstreamAndItsResponseTheClient() {
        rules = exchange -> exchange.decide(forward());

        client.writeInbound(get("/v1/keys?limit=2"), LastHttpContent.EMPTY_LAST_CONTENT);
        client.runPendingTasks();

        assertThat(only().state()).isEqualTo(ExchangeState.FORWARDING);
        String sent = outbound(upstream);
        assertThat(sent)
                .startsWith("GET /v1/keys?limit=2 HTTP/1.1\r\n")
                .contains("authorization: Bearer internal-token", "X-Forwarded-For: 127.0.0.1", "host: 127.0.0.1:1");

        upstream.writeInbound(Unpooled.copiedBuffer(UPSTREAM_RESPONSE, StandardCharsets.US_ASCII));

        FullHttpResponse response = client.readOutbound();
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.content().toString(StandardCharsets.US_ASCII)).isEqualTo("ok");
        response.release();
        assertThat(only().state()).isEqualTo(ExchangeState.DONE);
        assertThat(upstream.isActive()).as("back in the pool").isTrue();
        assertThat(upstreams
                        .acquire(upstreams.of(route()), upstream.eventLoop())
                        .channel())
                .isSameAs(upstream);
        assertThat(meters.get(GatewayMetrics.REQUESTS)
                        .tag("status", "2xx")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aBodyHeldWhileTheRulesDecideFollowsTheHead() {
        List<Exchange> deciding = new ArrayList<>();
        rules = deciding::add;
        HttpRequest post = new DefaultHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.POST,
                "/v1/keys",
                VertxInternals.DECODED_HEADERS.newHeaders().add("Host", "gw").add("Content-Length", "5"));

        client.writeInbound(post, new DefaultHttpContent(ascii("he")), new DefaultLastHttpContent(ascii("llo")));
        assertThat(only().state()).isEqualTo(ExchangeState.DECIDING);
        assertThat(upstream.outboundMessages()).isEmpty();

        deciding.get(0).decide(forward(5));

        assertThat(outbound(upstream))
                .startsWith("POST /v1/keys HTTP/1.1\r\n")
                .contains("content-length: 5")
                .endsWith("\r\n\r\nhello");
        assertThat(only().state()).isEqualTo(ExchangeState.FORWARDING);
    }

    @Test
    void aClientThatLeavesTakesItsUpstreamConnectionWithIt() {
        rules = exchange -> exchange.decide(forward());
        client.writeInbound(get("/v1/keys"), LastHttpContent.EMPTY_LAST_CONTENT);
        client.runPendingTasks();
        assertThat(only().state()).isEqualTo(ExchangeState.FORWARDING);

        client.close();

        assertThat(only().state()).isEqualTo(ExchangeState.CLIENT_GONE);
        assertThat(upstream.isOpen())
                .as("an upstream connection with an unread answer is not reused")
                .isFalse();
        assertThat(meters.get(GatewayMetrics.REQUESTS)
                        .tag("status", "reset")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anUpstreamThatFailsBeforeItsAnswerIsA502() {
        rules = exchange -> exchange.decide(forward());
        client.writeInbound(get("/v1/keys"), LastHttpContent.EMPTY_LAST_CONTENT);
        client.runPendingTasks();

        upstream.writeInbound(Unpooled.copiedBuffer("NOT HTTP\r\n\r\n", StandardCharsets.US_ASCII));

        FullHttpResponse answer = client.readOutbound();
        assertThat(answer.status().code()).isEqualTo(502);
        answer.release();
        assertThat(only().state()).isEqualTo(ExchangeState.DONE);
    }

    @Test
    void anIllegalTransitionFailsLoudly() {
        rules = exchange -> exchange.decide(refusal(ProblemType.FORBIDDEN, "no"));
        client.writeInbound(get("/v1/keys"), LastHttpContent.EMPTY_LAST_CONTENT);
        ReferenceCountUtil.release(client.readOutbound());
        Exchange done = only();
        assertThat(done.state()).isEqualTo(ExchangeState.DONE);

        assertThatThrownBy(() -> done.forwardTo(upstreams.of(route()), upstream.newSucceededFuture()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("an exchange DONE cannot become CONNECTING");
    }

    @Test
    void aSecondDecisionAfterTheAnswerCutsTheExchangeOff() {
        rules = exchange -> {
            exchange.decide(refusal(ProblemType.FORBIDDEN, "no"));
            exchange.decide(forward());
        };

        client.writeInbound(get("/v1/keys"), LastHttpContent.EMPTY_LAST_CONTENT);

        FullHttpResponse answer = client.readOutbound();
        assertThat(answer.status().code()).isEqualTo(403);
        answer.release();
        assertThat(only().state()).isEqualTo(ExchangeState.DONE);
        assertThat(upstream.outboundMessages()).as("nothing forwarded").isEmpty();
    }

    private Exchange only() {
        assertThat(exchanges).hasSize(1);
        return exchanges.get(0);
    }

    private Route route() {
        return routes.match("/v1/keys");
    }

    private Decision forward() {
        return forward(-1);
    }

    private Decision forward(long declaredLength) {
        return new Decision(
                route(),
                "/v1/keys",
                declaredLength,
                InetAddress.getLoopbackAddress(),
                "Bearer internal-token",
                Decision.CallerCredential.NONE,
                null,
                false,
                null,
                null);
    }

    private Decision refusal(ProblemType type, String detail) {
        return new Decision(
                null,
                "/v1/nothing",
                -1,
                null,
                null,
                Decision.CallerCredential.NONE,
                null,
                false,
                null,
                Decision.Answer.problem(type, detail, null));
    }

    private void pooled(EmbeddedChannel channel) {
        ((UpstreamConnection) channel.pipeline().last()).serve(null);
        upstreams.release(upstreams.of(route()), channel);
    }

    private static HttpRequest get(String uri) {
        return new DefaultHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.GET,
                uri,
                VertxInternals.DECODED_HEADERS.newHeaders().add("Host", "gw"));
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static String outbound(EmbeddedChannel channel) {
        StringBuilder sent = new StringBuilder();
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            ByteBuf bytes = (ByteBuf) msg;
            sent.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }
        return sent.toString();
    }

    private static GatewayConfig config() {
        return ConfigMappings.of(
                GatewayConfig.class,
                Map.of(
                        "atc.gateway.host", "127.0.0.1",
                        "atc.gateway.port", "0",
                        "atc.gateway.max-request-body", "1024",
                        "atc.gateway.upstream-connect-timeout", "2s",
                        "atc.gateway.upstream-pool-size", "4",
                        "atc.gateway.upstreams.keys.url", "http://127.0.0.1:1"));
    }
}
