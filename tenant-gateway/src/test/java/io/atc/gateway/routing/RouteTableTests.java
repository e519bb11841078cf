package io.atc.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The most specific pattern wins whatever the configuration order; {@code *} is one segment and
 * {@code **} the rest. Breaks when: matching goes by configuration order or prefix strings, or a
 * table with clashing or unusable patterns starts.
 */
class RouteTableTests {

    /** The default routes (application.properties), deliberately listed general-first. */
    private static RouteTable defaults() {
        Map<String, RouteTable.RouteDefinition> routes = new LinkedHashMap<>();
        routes.put("sites", new RouteTable.RouteDefinition(List.of("/v1/sites/**"), "edge"));
        routes.put("devices", new RouteTable.RouteDefinition(List.of("/v1/devices/**"), "edge"));
        routes.put(
                "retention",
                new RouteTable.RouteDefinition(List.of("/v1/sites/*/retention/**", "/v1/retention/**"), "retention"));
        routes.put("keys", new RouteTable.RouteDefinition(List.of("/v1/keys/**"), "keys"));
        routes.put("tenants", new RouteTable.RouteDefinition(List.of("/v1/tenants/**"), "keys"));
        routes.put("console", new RouteTable.RouteDefinition(List.of("/v1/console/**"), "keys"));
        routes.put("audit", new RouteTable.RouteDefinition(List.of("/v1/audit/**"), "audit"));
        return new RouteTable(routes);
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/keys, keys",
        "/v1/keys/, keys",
        "/v1/keys/abc/rotate, keys",
        "/v1/tenants, tenants",
        "/v1/console/sessions, console",
        "/v1/audit/verify, audit",
        "/v1/audit, audit",
        "/v1/sites, sites",
        "/v1/sites/s1, sites",
        "/v1/sites/s1/events, sites",
        "/v1/sites/s1/retention, retention",
        "/v1/sites/s1/retention/purges/9, retention",
        "/v1/sites/s1/retention/, retention",
        "/v1/retention/defaults, retention",
        "/v1/retention/holds/h1, retention",
        "/v1/retention, retention",
        "/v1/devices/d1, devices"
    })
    void routesToTheMostSpecificPattern(String path, String route) {
        assertThat(defaults().match(path).name()).isEqualTo(route);
    }

    @ParameterizedTest
    @CsvSource({"/v1/keysx", "/v1/key", "/v1", "/v2/keys", "/v1/sitesretention", "/v1/retentions", "/"})
    void matchesWholeSegmentsOnly(String path) {
        assertThat(defaults().match(path)).isNull();
    }

    @Test
    void oneStarIsExactlyOneSegment() {
        RouteTable table = defaults();
        assertThat(table.match("/v1/sites/retention").name())
                .as("no site segment")
                .isEqualTo("sites");
        assertThat(table.match("/v1/sites/a/b/retention").name())
                .as("two segments")
                .isEqualTo("sites");
    }

    @Test
    void aLiteralBeatsAStarBeatsTheRestAtEachSegment() {
        Map<String, RouteTable.RouteDefinition> routes = new LinkedHashMap<>();
        routes.put("rest", new RouteTable.RouteDefinition(List.of("/v1/**"), "a"));
        routes.put("star", new RouteTable.RouteDefinition(List.of("/v1/*/x"), "a"));
        routes.put("literal", new RouteTable.RouteDefinition(List.of("/v1/y/x"), "a"));
        RouteTable table = new RouteTable(routes);

        assertThat(table.match("/v1/y/x").name()).isEqualTo("literal");
        assertThat(table.match("/v1/z/x").name()).isEqualTo("star");
        assertThat(table.match("/v1/y/z").name())
                .as("backtracks from the literal")
                .isEqualTo("rest");
    }

    @Test
    void refusesTablesThatCannotBeMeant() {
        assertThatThrownBy(() -> table("/v1/**/x")).hasMessageContaining("** may only end");
        assertThatThrownBy(() -> table("/*/x")).hasMessageContaining("literal segment");
        assertThatThrownBy(() -> table("/q/**")).hasMessageContaining("/q");
        assertThatThrownBy(() -> table("/v1//x")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> table("/v1/a*")).hasMessageContaining("unusable");
        assertThatThrownBy(() -> table("v1/x")).hasMessageContaining("must start with /");
        Map<String, RouteTable.RouteDefinition> clash = new LinkedHashMap<>();
        clash.put("a", new RouteTable.RouteDefinition(List.of("/v1/x/**"), "a"));
        clash.put("b", new RouteTable.RouteDefinition(List.of("/v1/x/**"), "b"));
        assertThatThrownBy(() -> new RouteTable(clash)).hasMessageContaining("appears in routes a and b");
    }

    private static RouteTable table(String pattern) {
        return new RouteTable(Map.of("r", new RouteTable.RouteDefinition(List.of(pattern), "u")));
    }
}
