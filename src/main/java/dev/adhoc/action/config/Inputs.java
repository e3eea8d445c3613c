package dev.adhoc.action.config;

import dev.adhoc.action.AdhocFailure;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The values of {@link Input}s for one run, from the Action's environment variables or from CLI flags. */
public final class Inputs {
    private final Map<Input, String> values;

    private Inputs(Map<Input, String> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public static Inputs of(Map<Input, String> values) {
        EnumMap<Input, String> copy = new EnumMap<>(Input.class);
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) copy.put(k, v.strip());
        });
        return new Inputs(copy);
    }

    /** GitHub Action mode: every {@code INPUT_<NAME>}; an empty value means "not given". */
    public static Inputs fromProcessEnvironment(Map<String, String> processEnvironment) {
        EnumMap<Input, String> values = new EnumMap<>(Input.class);
        for (Input input : Input.values()) {
            String value = processEnvironment.get(input.environmentVariable());
            if (value != null && !value.isBlank()) values.put(input, value.strip());
        }
        return new Inputs(values);
    }

    /** A value the user gave, ignoring defaults. */
    public Optional<String> given(Input input) {
        return Optional.ofNullable(values.get(input));
    }

    /** The given value, else the documented default. GitHub expressions as defaults never apply here. */
    public Optional<String> get(Input input) {
        Optional<String> given = given(input);
        if (given.isPresent()) return given;
        return input.defaultValue().filter(d -> !d.startsWith("${{"));
    }

    /** The given value, else the documented default, for an input that has one. */
    public String value(Input input) {
        return get(input).orElseThrow(() -> new IllegalArgumentException("Input '" + input.inputName() + "' has no default"));
    }

    /** A duration input (given, else its default), checked. */
    public Duration duration(Input input) {
        return DurationInput.parse(input.inputName(), value(input));
    }

    /** A duration input if given, checked, kept with the text as written for messages. */
    public Optional<WrittenDuration> givenDuration(Input input) {
        return given(input).map(text -> new WrittenDuration(text, DurationInput.parse(input.inputName(), text)));
    }

    /**
     * The inputs as {@code verb} reads them: those {@link Input} does not list for it read as not
     * given, so a verb's options can only ever hold its own inputs.
     */
    public Inputs forVerb(Verb verb) {
        EnumMap<Input, String> own = new EnumMap<>(Input.class);
        values.forEach((input, value) -> {
            if (input.verbs().contains(verb)) own.put(input, value);
        });
        return new Inputs(own);
    }

    public String require(Input input, String why) {
        return get(input).orElseThrow(() -> AdhocFailure.invalidInput(
                "Input '" + input.inputName() + "' is required " + why + "."));
    }

    public boolean flag(Input input) {
        String value = get(input).orElse("false").toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw AdhocFailure.invalidInput("Input '" + input.inputName() + "' must be true or false, not '" + value + "'.");
        };
    }

    public Inputs with(Input input, String value) {
        EnumMap<Input, String> copy = new EnumMap<>(Input.class);
        copy.putAll(values);
        copy.put(input, value);
        return new Inputs(copy);
    }

    public Map<Input, String> asMap() {
        return values;
    }
}
