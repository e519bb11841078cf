package io.atc.edge.broker;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The dynamic-security commands the bridge sends (Mosquitto 2.0 plugin protocol). */
final class DynsecCommands {

    private DynsecCommands() {}

    /** One ACL entry of a role, as the plugin reports and accepts it. */
    record Acl(String type, String topic, boolean allow) {

        JsonObject toJson() {
            return new JsonObject().put("acltype", type).put("topic", topic).put("allow", allow);
        }

        static Acl from(JsonObject json) {
            return new Acl(json.getString("acltype"), json.getString("topic"), json.getBoolean("allow", false));
        }
    }

    static JsonObject denyEverythingByDefault() {
        JsonArray acls = new JsonArray();
        for (String type : List.of("publishClientSend", "publishClientReceive", "subscribe", "unsubscribe")) {
            acls.add(new JsonObject().put("acltype", type).put("allow", false));
        }
        return command("setDefaultACLAccess").put("acls", acls);
    }

    static JsonObject getDefaultAclAccess() {
        return command("getDefaultACLAccess");
    }

    static JsonObject createRole(String role, List<Acl> acls) {
        return command("createRole")
                .put("rolename", role)
                .put("acls", new JsonArray(acls.stream().map(Acl::toJson).toList()));
    }

    static JsonObject getRole(String role) {
        return command("getRole").put("rolename", role);
    }

    static JsonObject addRoleAcl(String role, Acl acl) {
        return acl.toJson().put("command", "addRoleACL").put("rolename", role);
    }

    static JsonObject removeRoleAcl(String role, Acl acl) {
        return command("removeRoleACL")
                .put("rolename", role)
                .put("acltype", acl.type())
                .put("topic", acl.topic());
    }

    static JsonObject deleteRole(String role) {
        return command("deleteRole").put("rolename", role);
    }

    /** Verbose: each role with its ACLs. */
    static JsonObject listRoles(int offset, int count) {
        return command("listRoles").put("verbose", true).put("offset", offset).put("count", count);
    }

    /** A client that may log in with its password under any client id: for the platform's own identities only. */
    static JsonObject createClient(String username, String password, String role) {
        return command("createClient")
                .put("username", username)
                .put("password", password)
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", role)));
    }

    /**
     * A client whose password logins the plugin accepts only under {@code clientId}: any other client
     * id is refused (CONNACK 5), so its holder cannot take over another client's session.
     */
    static JsonObject createBoundClient(String username, String clientId, String password, String role) {
        return createClient(username, password, role).put("clientid", clientId);
    }

    /** Binds the client's password logins to {@code clientId}; also disconnects every session of the client. */
    static JsonObject bindClientId(String username, String clientId) {
        return command("modifyClient").put("username", username).put("clientid", clientId);
    }

    /**
     * A client without a password, for certificate logins: nobody can log in as it on the password
     * listener (Mosquitto refuses an empty or missing password for it).
     */
    static JsonObject createClientWithoutPassword(String username, String role) {
        return command("createClient")
                .put("username", username)
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", role)));
    }

    /** Replaces the client's roles with {@code role} alone. */
    static JsonObject setClientRoles(String username, String role) {
        return command("modifyClient")
                .put("username", username)
                .put("roles", new JsonArray().add(new JsonObject().put("rolename", role)));
    }

    static JsonObject getClient(String username) {
        return command("getClient").put("username", username);
    }

    /** Verbose: each client with its {@code disabled} flag and roles. */
    static JsonObject listClients(int offset, int count) {
        return command("listClients").put("verbose", true).put("offset", offset).put("count", count);
    }

    static JsonObject setClientPassword(String username, String password) {
        return command("setClientPassword").put("username", username).put("password", password);
    }

    static JsonObject addClientRole(String username, String role) {
        return command("addClientRole").put("username", username).put("rolename", role);
    }

    static JsonObject removeClientRole(String username, String role) {
        return command("removeClientRole").put("username", username).put("rolename", role);
    }

    /** Also disconnects every session of the client. */
    static JsonObject disableClient(String username) {
        return command("disableClient").put("username", username);
    }

    static JsonObject enableClient(String username) {
        return command("enableClient").put("username", username);
    }

    /** Also disconnects every session of the client. */
    static JsonObject deleteClient(String username) {
        return command("deleteClient").put("username", username);
    }

    private static JsonObject command(String name) {
        return new JsonObject().put("command", name);
    }
}
