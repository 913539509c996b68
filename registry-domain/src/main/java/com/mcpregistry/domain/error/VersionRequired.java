package com.mcpregistry.domain.error;

/**
 * A verdict on a registration (approve, reject) named no version of it: the submitter may edit a registration in
 * review at any time, so a verdict must say which version it was made on, or it could approve what nobody read.
 */
public final class VersionRequired extends DomainException {
    public VersionRequired(String message) {
        super(message);
    }
}
