package com.mcpregistry.health.port.out;

/** Tells whether the store behind the repositories answers right now. */
public interface DatabaseHealth {

    /** True when a trivial query succeeds within a short time; never throws. */
    boolean isUp();
}
