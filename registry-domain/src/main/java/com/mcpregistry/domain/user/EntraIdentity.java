package com.mcpregistry.domain.user;

import com.mcpregistry.domain.Text;

/** Who a user is at Entra ID: the object id within a tenant. Users are keyed by this, never by name or email. */
public record EntraIdentity(String tenantId, String objectId) {
    public EntraIdentity {
        Text.require("tid", tenantId, 128);
        Text.require("oid", objectId, 128);
    }
}
