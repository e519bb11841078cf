package io.atc.edge.history;

/** If-None-Match against one strong entity tag (RFC 9110 13.1.2: a weak comparison, so W/"x" matches "x"). */
final class EntityTags {

    private EntityTags() {}

    static boolean noneMatchFails(String ifNoneMatch, String entityTag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(entityTag)) {
                return true;
            }
        }
        return false;
    }
}
