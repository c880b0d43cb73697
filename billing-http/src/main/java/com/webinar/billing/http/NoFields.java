package com.webinar.billing.http;

/** The body of a function that takes none: {@code {}}; any field is refused. */
public record NoFields() {}
