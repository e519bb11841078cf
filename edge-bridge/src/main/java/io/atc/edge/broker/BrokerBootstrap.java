package io.atc.edge.broker;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.atc.edge.config.EdgeConfig;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.MqttConnectionException;

/**
 * What the broker must hold before any device connects, converged on every (re)connection:
 * <ul>
 * <li>default ACL access denies everything (the plugin's own defaults let any client receive what
 * it subscribed to, and unsubscribe), so a client may do only what a role grants;</li>
 * <li>the platform's own identities, each with exactly its ACLs, its one role, enabled, with its
 * password: the ingest identity ({@link IngestIdentity}, the configured password) and the settings
 * publisher ({@link SettingsPublisherIdentity}, its password derived from the admin's).</li>
 * </ul>
 * The broker never reveals a password, so each is checked by logging in with it (a separate client
 * id, so the identity's sessions stay connected); it is set only when that fails, because setting a
 * password disconnects every session of the client.
 */
@ApplicationScoped
public class BrokerBootstrap {

    private static final Logger LOG = Logger.getLogger(BrokerBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamicSecurityClient broker;
    private final EdgeConfig.Broker settings;
    private final Vertx vertx;

    public BrokerBootstrap(DynamicSecurityClient broker, EdgeConfig config, Vertx vertx) {
        this.broker = broker;
        this.settings = config.broker();
        this.vertx = vertx;
    }

    /** One of the platform's own broker identities: a client of that name in its one role. */
    private record PlatformIdentity(String username, String role, List<DynsecCommands.Acl> acls, String password) {}

    public Uni<Void> run() {
        PlatformIdentity ingest = new PlatformIdentity(
                IngestIdentity.USERNAME,
                IngestIdentity.ROLE,
                IngestIdentity.ACLS,
                settings.ingestPassword().orElseThrow());
        PlatformIdentity publisher = new PlatformIdentity(
                SettingsPublisherIdentity.USERNAME,
                SettingsPublisherIdentity.ROLE,
                SettingsPublisherIdentity.ACLS,
                SettingsPublisherIdentity.password(settings.adminPassword().orElseThrow()));
        return broker.send(List.of(DynsecCommands.denyEverythingByDefault()))
                .invoke(done -> done.get(0).requireOk())
                .flatMap(done -> converge(ingest))
                .flatMap(done -> converge(publisher));
    }

    private Uni<Void> converge(PlatformIdentity identity) {
        return broker.send(
                        List.of(DynsecCommands.getRole(identity.role()), DynsecCommands.getClient(identity.username())))
                .flatMap(state -> {
                    List<JsonObject> fixes = new ArrayList<>(roleFixes(identity, state.get(0)));
                    DynsecResponse client = state.get(1);
                    boolean created = client.failedWith(DynsecResponse.CLIENT_NOT_FOUND);
                    fixes.addAll(
                            created
                                    ? List.of(DynsecCommands.createClient(
                                            identity.username(), identity.password(), identity.role()))
                                    : clientFixes(identity, client.requireOk()));
                    return broker.send(fixes)
                            .invoke(done -> {
                                done.forEach(DynsecResponse::requireOk);
                                if (!fixes.isEmpty()) {
                                    LOG.infof(
                                            "broker: default access is deny-all; identity %s %s (%d change(s))",
                                            identity.username(), created ? "created" : "repaired", fixes.size());
                                }
                            })
                            .flatMap(done -> created ? Uni.createFrom().voidItem() : ensurePassword(identity));
                });
    }

    private static List<JsonObject> roleFixes(PlatformIdentity identity, DynsecResponse role) {
        if (role.failedWith(DynsecResponse.ROLE_NOT_FOUND)) {
            return List.of(DynsecCommands.createRole(identity.role(), identity.acls()));
        }
        Set<DynsecCommands.Acl> present = new LinkedHashSet<>();
        JsonArray acls =
                role.requireOk().data().getJsonObject("role", new JsonObject()).getJsonArray("acls", new JsonArray());
        acls.forEach(acl -> present.add(DynsecCommands.Acl.from((JsonObject) acl)));
        List<JsonObject> fixes = new ArrayList<>();
        present.stream()
                .filter(acl -> !identity.acls().contains(acl))
                .forEach(extra -> fixes.add(DynsecCommands.removeRoleAcl(identity.role(), extra)));
        identity.acls().stream()
                .filter(acl -> !present.contains(acl))
                .forEach(missing -> fixes.add(DynsecCommands.addRoleAcl(identity.role(), missing)));
        return fixes;
    }

    private static List<JsonObject> clientFixes(PlatformIdentity identity, DynsecResponse client) {
        JsonObject state = client.data().getJsonObject("client", new JsonObject());
        List<JsonObject> fixes = new ArrayList<>();
        if (state.getBoolean("disabled", false)) {
            fixes.add(DynsecCommands.enableClient(identity.username()));
        }
        List<String> roles = state.getJsonArray("roles", new JsonArray()).stream()
                .map(role -> ((JsonObject) role).getString("rolename"))
                .toList();
        roles.stream()
                .filter(role -> !identity.role().equals(role))
                .forEach(extra -> fixes.add(DynsecCommands.removeClientRole(identity.username(), extra)));
        if (!roles.contains(identity.role())) {
            fixes.add(DynsecCommands.addClientRole(identity.username(), identity.role()));
        }
        return fixes;
    }

    private Uni<Void> ensurePassword(PlatformIdentity identity) {
        return logsIn(identity.username(), identity.password()).flatMap(works -> {
            if (works) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("broker: the identity %s had another password; setting its own", identity.username());
            return broker.send(List.of(DynsecCommands.setClientPassword(identity.username(), identity.password())))
                    .invoke(done -> done.get(0).requireOk())
                    .replaceWithVoid();
        });
    }

    /** Under {@code <username>-probe-<random>}: a platform id, never a device's (docs/edge.md). */
    private Uni<Boolean> logsIn(String username, String password) {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        MqttClientOptions options = new MqttClientOptions()
                .setClientId(username + "-probe-" + HexFormat.of().formatHex(suffix))
                .setUsername(username)
                .setPassword(password)
                .setCleanSession(true);
        options.setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, settings.commandTimeout().toMillis()));
        MqttClient probe = MqttClient.create(vertx, options);
        return Uni.createFrom()
                .completionStage(
                        () -> probe.connect(settings.port(), settings.host()).toCompletionStage())
                .map(accepted -> {
                    probe.disconnect();
                    return true;
                })
                .onFailure(BrokerBootstrap::refusedCredentials)
                .recoverWithItem(false);
    }

    private static boolean refusedCredentials(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MqttConnectionException refused) {
                return refused.code() == MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED
                        || refused.code() == MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
            }
        }
        return false;
    }
}
