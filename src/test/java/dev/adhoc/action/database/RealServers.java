package dev.adhoc.action.database;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real {@link PostgresServer} and {@link SshServer}, each started once per test
 * run on first use and stopped when the run ends. The SSH server's commands find the same
 * PostgreSQL tools on their PATH, as a bastion with the client tools installed would. A server
 * that cannot start fails the test with its reason; nothing is skipped.
 */
final class RealServers implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealServers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresServer.class || type == SshServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        PostgresBinaries binaries = store.getOrComputeIfAbsent(PostgresBinaries.class, k -> PostgresBinaries.find(), PostgresBinaries.class);
        if (parameter.getParameter().getType() == PostgresServer.class) {
            return store.getOrComputeIfAbsent(PostgresServer.class, k -> PostgresServer.start(binaries), PostgresServer.class);
        }
        return store.getOrComputeIfAbsent(SshServer.class, k -> SshServer.start(binaries.processEnvironment()), SshServer.class);
    }
}
