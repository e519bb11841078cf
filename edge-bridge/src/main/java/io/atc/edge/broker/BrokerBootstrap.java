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
 * <li>the ingest identity ({@link IngestIdentity}) with exactly its ACLs, its one role, enabled,
 * with the configured password.</li>
 * </ul>
 * The broker never reveals a password, so the configured one is checked by logging in with it
 * (a separate client id, so the ingest sessions stay connected); it is set only when that fails,
 * because setting a password disconnects every session of the client.
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

    public Uni<Void> run() {
        String password = settings.ingestPassword().orElseThrow();
        return broker.send(List.of(
                        DynsecCommands.denyEverythingByDefault(),
                        DynsecCommands.getRole(IngestIdentity.ROLE),
                        DynsecCommands.getClient(IngestIdentity.USERNAME)))
                .flatMap(state -> {
                    state.get(0).requireOk();
                    List<JsonObject> fixes = new ArrayList<>(roleFixes(state.get(1)));
                    DynsecResponse client = state.get(2);
                    boolean created = client.failedWith(DynsecResponse.CLIENT_NOT_FOUND);
                    fixes.addAll(
                            created
                                    ? List.of(DynsecCommands.createClient(
                                            IngestIdentity.USERNAME, password, IngestIdentity.ROLE))
                                    : clientFixes(client.requireOk()));
                    return broker.send(fixes)
                            .invoke(done -> {
                                done.forEach(DynsecResponse::requireOk);
                                if (!fixes.isEmpty()) {
                                    LOG.infof(
                                            "broker: default access is deny-all; ingest identity %s %s (%d change(s))",
                                            IngestIdentity.USERNAME, created ? "created" : "repaired", fixes.size());
                                }
                            })
                            .flatMap(done -> created ? Uni.createFrom().voidItem() : ensurePassword(password));
                });
    }

    private static List<JsonObject> roleFixes(DynsecResponse role) {
        if (role.failedWith(DynsecResponse.ROLE_NOT_FOUND)) {
            return List.of(DynsecCommands.createRole(IngestIdentity.ROLE, IngestIdentity.ACLS));
        }
        Set<DynsecCommands.Acl> present = new LinkedHashSet<>();
        JsonArray acls =
                role.requireOk().data().getJsonObject("role", new JsonObject()).getJsonArray("acls", new JsonArray());
        acls.forEach(acl -> present.add(DynsecCommands.Acl.from((JsonObject) acl)));
        List<JsonObject> fixes = new ArrayList<>();
        present.stream()
                .filter(acl -> !IngestIdentity.ACLS.contains(acl))
                .forEach(extra -> fixes.add(DynsecCommands.removeRoleAcl(IngestIdentity.ROLE, extra)));
        IngestIdentity.ACLS.stream()
                .filter(acl -> !present.contains(acl))
                .forEach(missing -> fixes.add(DynsecCommands.addRoleAcl(IngestIdentity.ROLE, missing)));
        return fixes;
    }

    private static List<JsonObject> clientFixes(DynsecResponse client) {
        JsonObject state = client.data().getJsonObject("client", new JsonObject());
        List<JsonObject> fixes = new ArrayList<>();
        if (state.getBoolean("disabled", false)) {
            fixes.add(DynsecCommands.enableClient(IngestIdentity.USERNAME));
        }
        List<String> roles = state.getJsonArray("roles", new JsonArray()).stream()
                .map(role -> ((JsonObject) role).getString("rolename"))
                .toList();
        roles.stream()
                .filter(role -> !IngestIdentity.ROLE.equals(role))
                .forEach(extra -> fixes.add(DynsecCommands.removeClientRole(IngestIdentity.USERNAME, extra)));
        if (!roles.contains(IngestIdentity.ROLE)) {
            fixes.add(DynsecCommands.addClientRole(IngestIdentity.USERNAME, IngestIdentity.ROLE));
        }
        return fixes;
    }

    private Uni<Void> ensurePassword(String password) {
        return logsIn(password).flatMap(works -> {
            if (works) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof(
                    "broker: the ingest identity %s had another password; setting the configured one",
                    IngestIdentity.USERNAME);
            return broker.send(List.of(DynsecCommands.setClientPassword(IngestIdentity.USERNAME, password)))
                    .invoke(done -> done.get(0).requireOk())
                    .replaceWithVoid();
        });
    }

    private Uni<Boolean> logsIn(String password) {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        MqttClientOptions options = new MqttClientOptions()
                .setClientId("atc-ingest-probe-" + HexFormat.of().formatHex(suffix))
                .setUsername(IngestIdentity.USERNAME)
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
