package com.mcpregistry.health.service;

import com.mcpregistry.health.port.in.CheckHealthUseCase;
import com.mcpregistry.health.port.out.DatabaseHealth;

/** Asks the database whether it answers. */
public final class HealthService implements CheckHealthUseCase {
    private final DatabaseHealth database;

    public HealthService(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    public boolean databaseReachable() {
        return database.isUp();
    }
}
