package com.webinar.billing.app.snapstart;

/**
 * One part of a function's request path, run once before Lambda takes the SnapStart snapshot ({@link
 * SnapshotPriming}), so that its classes, caches and compiled code are in the snapshot instead of in the first
 * request after a restore. A primer writes no billing data and keeps nothing that must not be shared between the
 * instances restored from one snapshot (connections, secrets, random seeds, clock readings).
 */
public interface Primer {
    /** What it primed, for the log: "401 from /quote", say. */
    String prime();
}
