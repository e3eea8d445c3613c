package dev.adhoc.action.terraform;

import java.nio.file.Path;

/**
 * A plan saved by {@code terraform plan -out}, with what it will do. Applying it changes
 * exactly what {@link #summary()} describes.
 *
 * @param file    the binary plan file (inside the workspace's private temporary directory)
 * @param changes whether terraform reported changes (exit code 2 of {@code -detailed-exitcode})
 */
public record SavedPlan(Path file, boolean changes, PlanSummary summary) {
}
