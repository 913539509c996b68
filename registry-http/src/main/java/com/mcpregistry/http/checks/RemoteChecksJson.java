package com.mcpregistry.http.checks;

import com.mcpregistry.domain.checks.RemoteCheck;
import java.util.List;

/** The answer of the checks routes: {@code {"checks":[…]}}. */
public record RemoteChecksJson(List<RemoteCheckJson> checks) {
    public static RemoteChecksJson of(List<RemoteCheck> checks) {
        return new RemoteChecksJson(checks.stream().map(RemoteCheckJson::of).toList());
    }
}
