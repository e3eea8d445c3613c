package dev.adhoc.action.config;

import java.time.Duration;

/** A duration input as the user wrote it ({@code 7d}), kept beside its value so messages repeat their words. */
public record WrittenDuration(String text, Duration duration) {
}
