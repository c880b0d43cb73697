package com.webinar.billing.app.events;

/**
 * What one run of the relay did. {@code oldestUnpublishedSeconds}: how long the oldest event still unpublished at
 * the end has waited (0 when none), the figure the "events are late" alarm watches.
 */
public record RelayReport(int published, int failed, int passes, int pruned, long oldestUnpublishedSeconds) {}
