package io.atc.retention.deletion;

/** The tables of ingested rows a run deletes from, events first. */
public enum StoredTable {
    EVENTS,
    IMAGES
}
