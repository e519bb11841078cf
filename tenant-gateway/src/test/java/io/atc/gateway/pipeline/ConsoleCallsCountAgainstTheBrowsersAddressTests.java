package io.atc.gateway.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.atc.gateway.GatewayTestResources;
import io.atc.gateway.clientip.ClientVouchers;
import io.atc.gateway.support.GatewayDoubles;
import io.atc.gateway.support.TestUpstream;
import io.atc.gateway.support.UpstreamTestResources;
import io.atc.gateway.support.WithGatewayDoubles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The console signs in and checks sessions from its own server. The gateway gives it, with each page, a
 * voucher for the browser's address, and counts the console's sign-ins and session checks against that
 * address: one client hammering sign-in through the console spends its own budget, not every admin's.
 * A voucher a browser sends is never forwarded, and a forged one counts against the caller itself.
 * Breaks when: console pages reach the console without a voucher, a browser's own voucher crosses, or
 * the session endpoints ignore vouchers (then the second browser below is refused with the first).
 */
@QuarkusTest
@TestProfile(ConsoleCallsCountAgainstTheBrowsersAddressTests.TightKeylessLimit.class)
@QuarkusTestResource(GatewayTestResources.class)
@QuarkusTestResource(UpstreamTestResources.class)
class ConsoleCallsCountAgainstTheBrowsersAddressTests {

    public static class TightKeylessLimit extends WithGatewayDoubles {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "atc.gateway.rate-limit.keyless.requests-per-second", "0.1",
                    "atc.gateway.rate-limit.keyless.burst", "3");
        }
    }

    private TestUpstream upstream;
    private GatewayDoubles doubles;

    @BeforeEach
    void setUp() {
        doubles = GatewayDoubles.install();
        upstream = TestUpstream.started();
    }

    @Test
    void eachBrowserSpendsItsOwnSignInBudgetThroughTheConsole() throws Exception {
        String hammering = voucherForPageOf("203.0.113.7");
        String another = voucherForPageOf("198.51.100.9");
        ClientVouchers vouchers = doubles.addresses.vouchers;
        assertThat(vouchers.vouched(hammering)).isEqualTo(InetAddress.getByName("203.0.113.7"));

        assertThat(signInsAdmitted(hammering, 6))
                .as("the hammering browser's burst")
                .isEqualTo(3);
        assertThat(signInsAdmitted(another, 1))
                .as("another browser, through the same console")
                .isEqualTo(1);
        assertThat(signInsAdmitted("1." + hammering.substring(2, hammering.length() - 4) + "AAAA", 4))
                .as("a forged voucher counts against the console's own address")
                .isEqualTo(3);
    }

    @Test
    void aVoucherTheBrowserSendsNeverReachesTheConsole() throws Exception {
        String forged = "1.99999999999.ywBxBw.forged";
        given().header(ClientVouchers.HEADER, forged)
                .header(GatewayDoubles.Addresses.TEST_CLIENT, "203.0.113.8")
                .get("/console/keys")
                .then()
                .statusCode(200);
        String sent = upstream.next().header(ClientVouchers.HEADER);
        assertThat(sent).isNotEqualTo(forged);
        assertThat(doubles.addresses.vouchers.vouched(sent)).isEqualTo(InetAddress.getByName("203.0.113.8"));

        given().header(ClientVouchers.HEADER, forged)
                .header(GatewayDoubles.Addresses.TEST_CLIENT, "192.0.2.50")
                .get("/v1/console/session");
        assertThat(upstream.next().header(ClientVouchers.HEADER))
                .as("nor the keys-service")
                .isNull();
    }

    /** The voucher the gateway sends to the console with a page it forwards for a browser at {@code address}. */
    private String voucherForPageOf(String address) throws InterruptedException {
        given().header(GatewayDoubles.Addresses.TEST_CLIENT, address)
                .get("/console/sign-in")
                .then()
                .statusCode(200);
        String voucher = upstream.next().header(ClientVouchers.HEADER);
        assertThat(voucher).as("the voucher sent with a console page").isNotNull();
        return voucher;
    }

    /** Sends {@code attempts} sign-ins as the console does, with {@code voucher}; how many were forwarded. */
    private int signInsAdmitted(String voucher, int attempts) throws InterruptedException {
        int forwarded = 0;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int status = given().header(ClientVouchers.HEADER, voucher)
                    .contentType("application/json")
                    .body("{\"email\":\"a@example.com\",\"password\":\"guess " + attempt + "\"}")
                    .post("/v1/console/sessions")
                    .statusCode();
            if (status == 200) {
                upstream.next();
                forwarded++;
            } else {
                assertThat(status).isEqualTo(429);
            }
        }
        return forwarded;
    }
}
