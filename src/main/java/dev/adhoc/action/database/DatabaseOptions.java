package dev.adhoc.action.database;

import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import java.util.Optional;

/**
 * The database inputs of create, destroy and cleanup: how the server is reached ({@code database})
 * and, in bastion mode only, the bastion inputs.
 */
public record DatabaseOptions(DatabaseMode mode, Optional<BastionOptions> bastion) {

    public DatabaseOptions {
        if (bastion.isPresent() != (mode == DatabaseMode.BASTION)) {
            throw new IllegalArgumentException("bastion options go with database mode bastion, and only with it");
        }
    }

    public static DatabaseOptions from(Inputs inputs) {
        DatabaseMode mode = DatabaseMode.parse(inputs.value(Input.DATABASE));
        return new DatabaseOptions(mode, mode == DatabaseMode.BASTION ? Optional.of(BastionOptions.from(inputs)) : Optional.empty());
    }
}
