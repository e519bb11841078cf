package io.atc.client;

/** This client's version, from its jar's manifest (unknown when run from classes). */
final class Version {

    private Version() {}

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
