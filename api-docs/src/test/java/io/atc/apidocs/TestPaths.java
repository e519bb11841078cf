package io.atc.apidocs;

import java.nio.file.Path;

/** Where the build runs the tests: the surefire configuration passes the repository root and the version. */
final class TestPaths {

    private TestPaths() {}

    static Path repositoryRoot() {
        return Path.of(System.getProperty("atc.repository.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static String projectVersion() {
        String version = System.getProperty("atc.project.version");
        if (version == null) {
            throw new IllegalStateException("atc.project.version is not set: run the tests with Maven");
        }
        return version;
    }
}
