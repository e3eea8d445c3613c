package dev.adhoc.action.config;

import dev.adhoc.action.AdhocFailure;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as users write it in an input: {@code 90s}, {@code 20m}, {@code 36h}, {@code 7d}, {@code 1h30m}. */
public final class DurationInput {
    private static final Pattern WHOLE = Pattern.compile("(\\d+[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private DurationInput() {
    }

    public static Duration parse(String inputName, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(value).matches()) {
            throw AdhocFailure.invalidInput("Input '" + inputName + "' is '" + text
                    + "', not a duration: write a number with s, m, h or d, e.g. 90s, 20m, 36h, 7d or 1h30m.");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        if (total.isZero()) throw AdhocFailure.invalidInput("Input '" + inputName + "' must be longer than zero.");
        return total;
    }
}
