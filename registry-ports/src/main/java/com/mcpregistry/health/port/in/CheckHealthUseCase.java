package com.mcpregistry.health.port.in;

/** Whether the registry can serve requests now, for load balancers and orchestrators. */
public interface CheckHealthUseCase {

    /** True when the database answers. */
    boolean databaseReachable();
}
