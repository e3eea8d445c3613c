package dev.adhoc.action;

/**
 * Every value of the {@code failure-reason} output, with what it means. Workflows branch on the
 * values, so they are stable; README's failure-reason table lists exactly these (tested).
 */
public enum FailureReason {
    INVALID_INPUT("invalid-input", "An input, flag or argument is missing or not valid; nothing was changed (exit code 2)."),
    UNKNOWN_ENVIRONMENT("unknown-environment", "No manifest exists for the environment: it was never created, or `environment` or `manifest-prefix` is wrong."),
    INVALID_MANIFEST("invalid-manifest", "A manifest (an environment's, the shared one, or terraform's `manifest` output) is not valid or lacks a field the operation needs."),
    SHARED_STACK_MISSING("shared-stack-missing", "The shared stack's manifest or listener does not exist: apply the shared stack first."),
    SHARED_STACK_MISMATCH("shared-stack-mismatch", "The environment's recorded load balancer is no longer listed by the shared stack."),
    QUOTA_EXCEEDED("quota-exceeded", "A new environment would not fit in a quota (listener rules, target groups, Fargate capacity)."),
    LISTENER_FULL("listener-full", "No free listener rule priority block is left on the shared listener."),
    PRIORITY_IN_USE("priority-in-use", "Concurrent creates kept taking the same listener rule priority; `create` retried and gave up."),
    TERRAFORM_MISSING("terraform-missing", "The terraform executable could not be started."),
    TERRAFORM_DIRECTORY_MISSING("terraform-directory-missing", "The terraform directory does not exist."),
    TFVARS_MISSING("tfvars-missing", "A variables file the run needs does not exist."),
    TERRAFORM_FAILED("terraform-failed", "A terraform step failed, or its output could not be read."),
    TERRAFORM_TIMEOUT("terraform-timeout", "A terraform step did not finish within `wait-timeout` and was stopped."),
    STATE_LOCKED("state-locked", "Another run holds the terraform state lock."),
    SERVICE_MISSING("service-missing", "The environment's cluster or an ECS service it lists does not exist."),
    TASK_NOT_STARTED("task-not-started", "ECS could not start a one-off task."),
    PRE_DEPLOY_FAILED("pre-deploy-failed", "A pre-deploy task failed; no service was changed."),
    ROLLOUT_FAILED("rollout-failed", "A service's rollout failed (stopped tasks, circuit breaker rollback) or another deployment replaced it before it completed."),
    TIMEOUT("timeout", "Services or a task did not reach the wanted state within `wait-timeout`."),
    NO_BACKEND_TASK("no-backend-task", "No pre-deploy task uses the backend image, so `run` has no task definition to run the command from."),
    COMMAND_FAILED("command-failed", "For `run`: the command exited non-zero (its code is in `exit-code`)."),
    STOPPED_COUNTS_UNKNOWN("stopped-counts-unknown", "`start` found services at 0 tasks with no remembered count."),
    CLEANUP_INCOMPLETE("cleanup-incomplete", "`cleanup` could not destroy or stop some environments."),
    DATABASE_FAILED("database-failed", "Creating or dropping the environment's database or role failed, or the database server is not fully described."),
    DATABASE_SECRET_FAILED("database-secret-failed", "Reading, creating or deleting the environment's database secret failed."),
    SSH_KEY_INVALID("ssh-key-invalid", "`ssh-private-key` could not be read as an unencrypted private key."),
    SSH_HOST_KEY_UNKNOWN("ssh-host-key-unknown", "`ssh-known-hosts` has no key for the bastion."),
    SSH_HOST_KEY_MISMATCH("ssh-host-key-mismatch", "The bastion's host key does not match `ssh-known-hosts`."),
    SSH_AUTH_FAILED("ssh-auth-failed", "The bastion refused the key in `ssh-private-key`."),
    SSH_UNREACHABLE("ssh-unreachable", "The bastion could not be reached in time."),
    SSH_FAILED("ssh-failed", "SSH to the bastion failed otherwise."),
    AWS_ACCESS_DENIED("aws-access-denied", "An AWS call was denied: the role lacks a permission."),
    AWS_ERROR("aws-error", "An AWS call failed."),
    AWS_UNREACHABLE("aws-unreachable", "An AWS call could not be completed (network, region, credentials, endpoint)."),
    INTERRUPTED("interrupted", "The run was interrupted, without a cancel signal, while it waited for AWS, terraform or a bastion command."),
    CANCELLED("cancelled", "The run was cancelled by SIGINT or SIGTERM (exit code 130 or 143)."),
    INTERNAL_ERROR("internal-error", "An unexpected error: a bug in adhoc-action.");

    private final String value;
    private final String meaning;

    FailureReason(String value, String meaning) {
        this.value = value;
        this.meaning = meaning;
    }

    /** The {@code failure-reason} output's value. */
    public String value() {
        return value;
    }

    /** One line for README's table: when the run fails with this reason. */
    public String meaning() {
        return meaning;
    }
}
