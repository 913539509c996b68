package com.mcpregistry.http.registration;

/**
 * Whether an approval or a rejection must name the version of the registration its reviewer read ({@code If-Match}
 * or {@code row_version}), so that an edit made after the review cannot be approved unseen: {@code required}
 * (428 without it), or {@code optional}, as before, for old clients. {@code REVIEW_PRECONDITION}.
 */
public enum ReviewPrecondition {
    REQUIRED,
    OPTIONAL
}
