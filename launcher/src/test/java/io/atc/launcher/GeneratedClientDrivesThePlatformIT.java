package io.atc.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

import io.atc.client.AtcClient;
import io.atc.client.ProblemException;
import io.atc.client.Problems;
import io.atc.client.invoker.ApiResponse;
import io.atc.client.model.ApiKeyDraft;
import io.atc.client.model.ApiKeyView;
import io.atc.client.model.AuditErasureRequest;
import io.atc.client.model.CertificateRequest;
import io.atc.client.model.ConsoleSession;
import io.atc.client.model.ConsoleUserDraft;
import io.atc.client.model.ConsoleUserView;
import io.atc.client.model.CreatedTenant;
import io.atc.client.model.DeviceCredentials;
import io.atc.client.model.DeviceDraft;
import io.atc.client.model.DevicePatch;
import io.atc.client.model.ErasureReceipt;
import io.atc.client.model.ErasureRequest;
import io.atc.client.model.EventView;
import io.atc.client.model.ExpiringRows;
import io.atc.client.model.Hold;
import io.atc.client.model.HoldDraft;
import io.atc.client.model.IssuedApiKey;
import io.atc.client.model.NewPassword;
import io.atc.client.model.PageEventView;
import io.atc.client.model.RetentionChange;
import io.atc.client.model.RetentionPreview;
import io.atc.client.model.RotationRequest;
import io.atc.client.model.SignInRequest;
import io.atc.client.model.Site;
import io.atc.client.model.SiteDraft;
import io.atc.client.model.TenantDraft;
import io.atc.client.model.TransportPolicyChange;
import io.atc.client.model.TransportPolicyView;
import io.atc.client.model.VerificationReport;
import io.atc.devservices.mqtt.MosquittoConfig;
import io.atc.devservices.mqtt.MosquittoProcess;
import io.atc.testkit.mqtt.TestMqttClient;
import io.atc.testkit.postgres.PostgresServer;
import io.atc.testkit.postgres.TestDatabase;
import io.vertx.core.Vertx;

/**
 * An integrator's view of the platform: only the Java client generated from docs/api/openapi.json,
 * against the platform started as {@code ./run} starts it (the launcher, real gateway and services, a
 * fresh database, a Mosquitto with dynamic security). It onboards a tenant, manages keys, console users,
 * sites and devices, publishes device events and an image over MQTT and reads them back, sets
 * retention, holds and an erasure, reads, exports, erases and verifies the audit trail, and sees errors
 * as typed problems. Every operation of the document is called at least once: the responses are
 * matched against the document's paths, and a missed operation fails the test.
 * Breaks when: the committed document and the services disagree (a path, a parameter, a schema the
 * client then (de)serialises wrongly), or an operation is added without being exercised here.
 */
class GeneratedClientDrivesThePlatformIT {

    private static final Path DOCUMENT = Path.of("..", "docs", "api", "openapi.json");
    private static final String OPERATOR_TOKEN =
            "atc_op_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void everyPublicOperationWorksThroughTheGeneratedClient() throws Exception {
        OperationCoverage coverage = OperationCoverage.of(DOCUMENT);
        PostgresServer server = TestDatabase.shared().server();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "atc_it_client_" + suffix;
        String owner = "atc_it_owner_" + suffix;
        String app = "atc_it_app_" + suffix;
        String retention = "atc_it_retention_" + suffix;
        try (Connection admin = server.connectAsAdmin();
                Statement ddl = admin.createStatement()) {
            ddl.execute("create role " + owner + " login createrole password 'owner-secret'");
            ddl.execute("create database " + database + " owner " + owner);
        }
        Vertx vertx = Vertx.vertx();
        try (MosquittoProcess broker = MosquittoProcess.start(MosquittoConfig.locateProjectFile());
                LaunchedPlatform platform = LaunchedPlatform.start(Map.ofEntries(
                        Map.entry("ATC_DB_URL", server.uri(database)),
                        Map.entry("ATC_DB_OWNER_USER", owner),
                        Map.entry("ATC_DB_OWNER_PASSWORD", "owner-secret"),
                        Map.entry("ATC_DB_APP_USER", app),
                        Map.entry("ATC_DB_APP_PASSWORD", "app-secret"),
                        Map.entry("ATC_DB_RETENTION_USER", retention),
                        Map.entry("ATC_DB_RETENTION_PASSWORD", "retention-secret"),
                        Map.entry("ATC_OPERATOR_TOKEN", OPERATOR_TOKEN),
                        Map.entry("ATC_EDGE_BROKER_HOST", broker.broker().host()),
                        Map.entry(
                                "ATC_EDGE_BROKER_PORT",
                                String.valueOf(broker.broker().port())),
                        Map.entry(
                                "ATC_EDGE_BROKER_ADMIN_USERNAME",
                                broker.broker().adminUser()),
                        Map.entry(
                                "ATC_EDGE_BROKER_ADMIN_PASSWORD",
                                broker.broker().adminPassword())))) {
            platform.awaitUp(Duration.ofSeconds(180));
            URI gateway = platform.gatewayUri("");
            new Integrator(gateway, coverage, vertx, broker).run();
            assertThat(coverage.unmatched())
                    .as("responses to paths the document does not have")
                    .isEmpty();
            assertThat(coverage.missed())
                    .as(
                            "operations of %s this test never called (of %d)",
                            DOCUMENT, coverage.all().size())
                    .isEmpty();
            platform.stop();
        } finally {
            vertx.close();
            try (Connection admin = server.connectAsAdmin();
                    Statement ddl = admin.createStatement()) {
                ddl.execute("drop database if exists " + database + " with (force)");
                ddl.execute("drop role if exists " + app);
                ddl.execute("drop role if exists " + retention);
                ddl.execute("drop role if exists " + owner);
            }
        }
    }

    /** What an integrator does, in order; each step through the generated client only. */
    private static final class Integrator {

        private final URI gateway;
        private final OperationCoverage coverage;
        private final Vertx vertx;
        private final MosquittoProcess broker;
        private AtcClient admin;
        private UUID tenantId;

        Integrator(URI gateway, OperationCoverage coverage, Vertx vertx, MosquittoProcess broker) {
            this.gateway = gateway;
            this.coverage = coverage;
            this.vertx = vertx;
            this.broker = broker;
        }

        private AtcClient observed(AtcClient client) {
            return client.onResponse(coverage);
        }

        void run() throws Exception {
            onboard();
            keys();
            console();
            Site site = Problems.call(() -> admin.sites().createSite(new SiteDraft().name("Rotterdam depot")));
            sites(site);
            UUID device = devicesAndTheirEvents(site.getId());
            retention(site.getId(), device);
            audit(device);
            errorsAreTypedProblems(site.getId());
        }

        private void onboard() {
            ProblemException wrongOperator = catchThrowableOfType(
                    () -> Problems.call(() -> observed(AtcClient.withOperatorToken(gateway, "atc_op_wrong"))
                            .tenants()
                            .createTenant(new TenantDraft().name("Mallory"))),
                    ProblemException.class);
            assertThat(wrongOperator.status()).isEqualTo(401);
            assertThat(wrongOperator.type()).hasToString("urn:atc:problem:unauthenticated");

            CreatedTenant tenant = Problems.call(() -> observed(AtcClient.withOperatorToken(gateway, OPERATOR_TOKEN))
                    .tenants()
                    .createTenant(new TenantDraft().name("Acme Client IT")));
            assertThat(tenant.getAdminKey()).isNotNull();
            tenantId = tenant.getTenantId();
            admin = observed(AtcClient.withApiKey(gateway, tenant.getAdminKey().getKey()));
        }

        private void keys() {
            IssuedApiKey issued = Problems.call(() -> admin.keys()
                    .createApiKey(new ApiKeyDraft().name("ci reader").scopes(List.of("sites:read", "keys:write"))));
            assertThat(issued.getKey()).startsWith("atc_");
            UUID keyId = issued.getApiKey().getId();
            assertThat(Problems.call(() -> admin.keys().listApiKeys(null, 100, null))
                            .getItems())
                    .extracting(ApiKeyView::getId)
                    .contains(keyId);
            assertThat(Problems.call(() -> admin.keys().getApiKey(keyId)).getName())
                    .isEqualTo("ci reader");

            // A keys:write key may not mint a key with a scope it lacks: the escalation is a typed 403.
            AtcClient reader = observed(AtcClient.withApiKey(gateway, issued.getKey()));
            ProblemException escalation = catchThrowableOfType(
                    () -> Problems.call(() -> reader.keys()
                            .createApiKey(new ApiKeyDraft().name("escalated").scopes(List.of("admin")))),
                    ProblemException.class);
            assertThat(escalation.status()).isEqualTo(403);
            assertThat(escalation.type()).hasToString("urn:atc:problem:forbidden");

            IssuedApiKey rotated = Problems.call(
                    () -> admin.keys().rotateApiKey(keyId, new RotationRequest().gracePeriodSeconds(60L)));
            assertThat(rotated.getKey()).isNotEqualTo(issued.getKey());
            Problems.run(() -> admin.keys().revokeApiKey(rotated.getApiKey().getId()));
            ProblemException revoked = catchThrowableOfType(
                    () -> Problems.call(() -> observed(AtcClient.withApiKey(gateway, rotated.getKey()))
                            .sites()
                            .listSites(null, 10)),
                    ProblemException.class);
            assertThat(revoked.status()).isEqualTo(401);
        }

        private void console() throws Exception {
            String email = "ops-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.example";
            ConsoleUserView user = Problems.call(() -> admin.console()
                    .createConsoleUser(new ConsoleUserDraft()
                            .email(email)
                            .password("correct horse battery staple 1")
                            .scopes(List.of("sites:read"))));
            AtcClient anonymous = observed(AtcClient.anonymous(gateway));
            ApiResponse<ConsoleSession> signedIn = Problems.call(() -> anonymous
                    .console()
                    .signInWithHttpInfo(new SignInRequest()
                            .tenant(tenantId)
                            .email(email)
                            .password("correct horse battery staple 1")));
            String cookies = String.join(
                    "; ",
                    signedIn.getHeaders().getOrDefault("set-cookie", List.of()).stream()
                            .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                            .toList());
            assertThat(cookies).contains("__Host-atc_session=");
            String csrf = signedIn.getData().getCsrfToken();
            ConsoleSession current =
                    Problems.call(() -> anonymous.console().getConsoleSession(Map.of("Cookie", cookies)));
            assertThat(current.getUserId()).isEqualTo(user.getId());
            Problems.run(() -> anonymous.console().signOut(false, csrf, Map.of("Cookie", cookies)));

            Problems.call(() -> admin.console().disableConsoleUser(user.getId()));
            Problems.call(() -> admin.console().enableConsoleUser(user.getId()));
            Problems.run(() -> admin.console()
                    .setConsoleUserPassword(user.getId(), new NewPassword().password("another long passphrase 2")));
            Problems.run(() -> admin.console().deleteConsoleUser(user.getId()));
        }

        private void sites(Site site) {
            assertThat(Problems.call(() -> admin.sites().listSites(null, 50)).getItems())
                    .extracting(Site::getId)
                    .contains(site.getId());
            assertThat(Problems.call(() -> admin.sites().getSite(site.getId())).getName())
                    .isEqualTo("Rotterdam depot");
            assertThat(Problems.call(() -> admin.sites().renameSite(site.getId(), new SiteDraft().name("Depot 1")))
                            .getName())
                    .isEqualTo("Depot 1");
            Site empty = Problems.call(() -> admin.sites().createSite(new SiteDraft().name("Closed site")));
            Problems.run(() -> admin.sites().deleteSite(empty.getId()));
        }

        private UUID devicesAndTheirEvents(UUID siteId) throws Exception {
            TransportPolicyView policy = Problems.call(() -> admin.devices().getDeviceTransportPolicy());
            Problems.call(() -> admin.devices()
                    .setDeviceTransportPolicy(new TransportPolicyChange()
                            .policy(TransportPolicyChange.PolicyEnum.fromValue(
                                    policy.getPolicy().getValue()))));

            DeviceCredentials camera =
                    Problems.call(() -> admin.devices().registerDevice(siteId, new DeviceDraft().name("gate camera")));
            UUID deviceId = camera.getDevice().getId();
            assertThat(Problems.call(() -> admin.devices().listDevices(siteId, null, 50))
                            .getItems())
                    .hasSize(1);
            assertThat(Problems.call(() -> admin.devices().getDevice(siteId, deviceId))
                            .getName())
                    .isEqualTo("gate camera");
            Problems.call(() -> admin.devices().updateDevice(siteId, deviceId, new DevicePatch().name("gate 3")));
            DeviceCredentials reset = Problems.call(() -> admin.devices().resetDevicePassword(siteId, deviceId));
            assertThat(reset.getMqttPassword()).isNotEqualTo(camera.getMqttPassword());
            String csr = csr();
            Problems.call(
                    () -> admin.devices().issueDeviceCertificate(siteId, deviceId, new CertificateRequest().csr(csr)));
            Problems.call(() -> admin.devices().revokeDeviceCertificates(siteId, deviceId));

            UUID eventId = UUID.randomUUID();
            UUID imageId = UUID.randomUUID();
            byte[] image = "\u00ff\u00d8\u00ff not really a jpeg".getBytes(StandardCharsets.ISO_8859_1);
            String prefix = "atc/" + tenantId + "/" + siteId + "/" + deviceId;
            try (TestMqttClient device = TestMqttClient.connect(
                    vertx,
                    broker.broker(),
                    reset.getMqttUsername(),
                    reset.getMqttPassword(),
                    reset.getMqttUsername())) {
                device.publish(prefix + "/images", imageEnvelope(imageId, image));
                device.publish(
                        prefix + "/events",
                        "{\"event_id\":\"" + eventId + "\",\"occurred_at\":\""
                                + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)
                                + "\",\"type\":\"motion.detected\",\"data\":{\"zone\":\"gate 3\"},\"image_id\":\""
                                + imageId + "\"}");
            }
            PageEventView page = eventually(
                    () -> Problems.call(() -> admin.events().listSiteEvents(siteId, null, null, null, 50, null, null)),
                    p -> !p.getItems().isEmpty());
            EventView listed = page.getItems().get(0);
            assertThat(listed.getType()).isEqualTo("motion.detected");
            EventView one = Problems.call(() -> admin.events().getSiteEvent(siteId, eventId, deviceId.toString()));
            assertThat(one.getImageId()).isEqualTo(imageId);
            Path downloaded = eventually(
                    () -> Problems.call(() -> admin.events().getSiteImage(siteId, imageId, deviceId.toString(), null))
                            .toPath(),
                    path -> true);
            assertThat(Files.readAllBytes(downloaded)).isEqualTo(image);
            return deviceId;
        }

        private void retention(UUID siteId, UUID deviceId) {
            Problems.call(() -> admin.retention()
                    .setRetentionDefaults(new RetentionChange().eventsDays(90).imagesDays(30)));
            assertThat(Problems.call(() -> admin.retention().getRetentionDefaults())
                            .getEvents()
                            .getDays())
                    .isEqualTo(90);
            Problems.call(() -> admin.retention().setSiteRetention(siteId, new RetentionChange().eventsDays(7)));
            assertThat(Problems.call(() -> admin.retention().getSiteRetention(siteId))
                            .getEvents()
                            .getDays())
                    .isEqualTo(7);
            assertThat(Problems.call(() -> admin.retention().previewSiteRetention(siteId, null, null))
                            .getEvents()
                            .getDays())
                    .isEqualTo(7);
            RetentionPreview whatIf =
                    Problems.call(() -> admin.retention().previewSiteRetention(siteId, "inherit", "3"));
            assertThat(whatIf.getEvents().getSource()).as("a what-if").isEqualTo(ExpiringRows.SourceEnum.TENANT);
            assertThat(whatIf.getEvents().getDays()).isEqualTo(90);
            assertThat(whatIf.getImages().getDays()).isEqualTo(3);

            Hold hold = Problems.call(() -> admin.retention()
                    .createRetentionHold(new HoldDraft().siteId(siteId).reason("litigation 2026-17")));
            assertThat(Problems.call(() -> admin.retention().listRetentionHolds(null, 50, null))
                            .getItems())
                    .extracting(Hold::getHoldId)
                    .contains(hold.getHoldId());
            Problems.call(() -> admin.retention().getRetentionHold(hold.getHoldId()));
            ProblemException held = catchThrowableOfType(
                    () -> Problems.call(() -> admin.retention()
                            .createErasure(
                                    new ErasureRequest().deviceId(deviceId).reason("GDPR request 9"))),
                    ProblemException.class);
            assertThat(held.status()).isEqualTo(409);
            assertThat(held.detail()).contains(hold.getHoldId().toString());
            Problems.call(() -> admin.retention().releaseRetentionHold(hold.getHoldId()));

            DeviceCredentials other =
                    Problems.call(() -> admin.devices().registerDevice(siteId, new DeviceDraft().name("spare camera")));
            ErasureReceipt receipt = Problems.call(() -> admin.retention()
                    .createErasure(new ErasureRequest()
                            .deviceId(other.getDevice().getId())
                            .reason("returned unit")));
            assertThat(Problems.call(() -> admin.retention().listRetentionRuns(null, 50, siteId))
                            .getItems())
                    .isNotEmpty();
            assertThat(Problems.call(() -> admin.retention().getRetentionRun(receipt.getErasureId()))
                            .getKind())
                    .isNotNull();
            Problems.run(
                    () -> admin.devices().deleteDevice(siteId, other.getDevice().getId()));
        }

        private void audit(UUID deviceId) throws Exception {
            var events = Problems.call(() -> admin.audit().listAuditEvents(null, null, null, 100, null, null))
                    .getItems();
            assertThat(events).isNotEmpty();
            Long seq = events.get(events.size() - 1).getSeq();
            assertThat(Problems.call(() -> admin.audit().getAuditEvent(seq)).getSeq())
                    .isEqualTo(seq);
            Path export = Problems.call(() -> admin.audit().exportAuditEvents(0L, seq))
                    .toPath();
            assertThat(Files.readAllLines(export)).hasSize(seq.intValue() + 1).allMatch(line -> line.startsWith("{"));
            Problems.call(() -> admin.audit()
                    .eraseAuditPayloads(new AuditErasureRequest()
                            .subject("device:" + deviceId)
                            .reason("GDPR request 9")));
            VerificationReport report = Problems.call(() -> admin.audit().verifyAuditChain(null));
            assertThat(report.getOk())
                    .as("the chain verifies after the erasure: %s", report)
                    .isTrue();
        }

        private void errorsAreTypedProblems(UUID siteId) {
            ProblemException missing = catchThrowableOfType(
                    () -> Problems.call(() -> admin.sites().getSite(UUID.randomUUID())), ProblemException.class);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.type()).hasToString("urn:atc:problem:not-found");
            ProblemException invalid = catchThrowableOfType(
                    () -> Problems.call(
                            () -> admin.retention().setSiteRetention(siteId, new RetentionChange().eventsDays(0))),
                    ProblemException.class);
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.type()).hasToString("urn:atc:problem:invalid-input");
            assertThat(invalid.fieldErrors()).extracting(e -> e.getField()).contains("eventsDays");
        }

        private static String csr() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=gate camera"), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
                    .getEncoded();
            return "-----BEGIN CERTIFICATE REQUEST-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der)
                    + "\n-----END CERTIFICATE REQUEST-----\n";
        }

        private static byte[] imageEnvelope(UUID imageId, byte[] image) throws Exception {
            String header = "{\"image_id\":\"" + imageId + "\",\"content_type\":\"image/jpeg\",\"sha256\":\""
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(image)) + "\"}";
            byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(headerBytes.length >> 8);
            out.write(headerBytes.length & 0xff);
            out.write(headerBytes);
            out.write(image);
            return out.toByteArray();
        }

        private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    T value = read.get();
                    if (done.test(value)) {
                        return value;
                    }
                } catch (ProblemException notYet) {
                    if (notYet.status() != 404 || System.nanoTime() > deadline) {
                        throw notYet;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not there within 30 s");
                }
                Thread.sleep(200);
            }
        }
    }
}
