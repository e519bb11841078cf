package io.atc.devservices.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The user that runs the PostgreSQL tools. initdb and postgres refuse to run as root, so when this JVM is root they
 * run as {@code nobody}, and everything they touch is handed over to that user.
 */
final class ProcessUser {

    static final String UNPRIVILEGED_USER = "nobody";

    private final boolean root;

    private ProcessUser(boolean root) {
        this.root = root;
    }

    static ProcessUser current() {
        return new ProcessUser(effectiveUid() == 0);
    }

    boolean dropsPrivileges() {
        return root;
    }

    List<String> wrap(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", UNPRIVILEGED_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Makes the (freshly created) path owned by the user that runs the tools. */
    void handOver(Path path) {
        if (!root) {
            return;
        }
        try {
            UserPrincipal nobody =
                    path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
            Files.setOwner(path, nobody);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not hand " + path + " over to user '" + UNPRIVILEGED_USER
                            + "' (needed because initdb/postgres refuse to run as root): " + e,
                    e);
        }
    }

    /** Fails early, with a clear message, if the tools' user could not even reach the directory. */
    void checkReachable(Path dir) {
        if (!root) {
            return;
        }
        try {
            for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
                boolean ownedByNobody =
                        UNPRIVILEGED_USER.equals(Files.getOwner(p).getName());
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE) && !ownedByNobody) {
                    throw new IllegalStateException("Embedded PostgreSQL runs as user '" + UNPRIVILEGED_USER
                            + "' when started as root, but that user cannot enter " + p + " (mode "
                            + PosixFilePermissions.toString(permissions)
                            + "); use a directory under a world-accessible path such as /tmp (needed for " + dir + ")");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not check the permissions of " + dir + ": " + e, e);
        }
    }

    private static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    // "Uid:  real  effective  saved  filesystem"
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the user name
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }
}
