package io.atc.edge.history;

/** An image read for a client: its row, and its bytes unless the client already holds them (then null). */
record ImageContent(StoredImage image, byte[] bytes) {

    boolean notModified() {
        return bytes == null;
    }
}
