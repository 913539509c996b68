package com.mcpregistry.policy.port.in;

import com.mcpregistry.domain.policy.PolicyFormat;
import com.mcpregistry.policy.PolicyExport;

/**
 * The registry's approved state as the allow and deny lists a client enforces. Who may export is the driving
 * adapter's decision (administrators, or anyone when the operator says so, and operators on the command line).
 */
public interface ExportPolicyUseCase {

    /** The lists of {@code format} as the registry stands now. */
    PolicyExport export(PolicyFormat format);
}
