package org.bridgeway.gateway;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs the Testcontainers suite where a Docker engine answers; elsewhere skips it and says so. */
class DockerAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker engine found");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": no Docker engine, so the Testcontainers suite (real images) does not run here";
        System.out.println("[testcontainers] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
