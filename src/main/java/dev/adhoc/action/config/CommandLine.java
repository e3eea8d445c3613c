package dev.adhoc.action.config;

import dev.adhoc.action.AdhocFailure;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CLI form: {@code adhoc <verb> [environment] [--input-name value | --input-name=value]...}
 * with the same names as the Action's inputs, plus {@code help}, {@code --help} and
 * {@code --version}. Inputs not given as flags may come from {@code INPUT_<NAME>} variables,
 * which keeps secrets (tokens, keys) off the command line. A mistyped verb or flag is refused
 * here, naming the closest valid one, before anything reaches AWS.
 */
public record CommandLine(Kind kind, Inputs inputs, Optional<Verb> helpTopic) {

    public enum Kind { RUN, HELP, VERSION }

    private static final Set<String> HELP_FLAGS = Set.of("--help", "-h");
    private static final Set<String> VERSION_FLAGS = Set.of("--version", "-V");
    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "1", "0", "on", "off");

    public static CommandLine parse(String[] args, Map<String, String> processEnvironment) {
        EnumMap<Input, String> values = new EnumMap<>(Input.class);
        Inputs.fromProcessEnvironment(processEnvironment).asMap().forEach(values::put);
        Optional<String> verbWord = Optional.empty();
        boolean help = false;
        // Help wins over a mistake elsewhere on the line, so "adhoc deploy --enviroment x --help" still helps.
        AdhocFailure mistake = null;
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (HELP_FLAGS.contains(arg)) {
                help = true;
            } else if (VERSION_FLAGS.contains(arg) || (positional == 0 && arg.equals("version"))) {
                return new CommandLine(Kind.VERSION, Inputs.of(values), Optional.empty());
            } else if (positional == 0 && arg.equals("help")) {
                help = true;
                positional++;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                Optional<Input> input = Input.byName(name);
                if (input.isEmpty()) {
                    if (mistake == null) mistake = unknownFlag(name, verbWord.flatMap(Verb::byName));
                    continue;
                }
                if (value == null) {
                    boolean bare = input.get().isBoolean()
                            && (i + 1 >= args.length || !BOOLEAN_WORDS.contains(args[i + 1].toLowerCase(java.util.Locale.ROOT)));
                    if (bare) {
                        value = "true";
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        if (mistake == null) mistake = AdhocFailure.invalidInput("Flag --" + name + " needs a value.");
                        continue;
                    }
                }
                values.put(input.get(), value);
            } else if (positional == 0 || (positional == 1 && help && verbWord.isEmpty())) {
                verbWord = Optional.of(arg);
                positional++;
            } else if (positional == 1 && !help) {
                values.put(Input.ENVIRONMENT, arg);
                positional++;
            } else if (mistake == null) {
                mistake = AdhocFailure.invalidInput("Unexpected argument '" + arg + "': adhoc takes one verb and one environment"
                        + " (quote a value with spaces, e.g. --command \"python manage.py check\").");
            }
        }
        // A mistyped verb is the first thing to say, whether the user asked to run it or for its help.
        Optional<Verb> verb = verbWord.map(Verb::parse);
        if (help) return new CommandLine(Kind.HELP, Inputs.of(values), verb);
        if (mistake != null) throw mistake;
        verb.ifPresent(v -> values.put(Input.OPERATION, v.id()));
        return new CommandLine(Kind.RUN, Inputs.of(values), Optional.empty());
    }

    private static AdhocFailure unknownFlag(String name, Optional<Verb> verb) {
        List<String> names = Arrays.stream(Input.values()).filter(i -> i != Input.OPERATION).map(Input::inputName).toList();
        String where = verb.map(v -> "'adhoc " + v.id() + " --help'").orElse("'adhoc help <verb>'");
        return AdhocFailure.invalidInput("Unknown flag --" + name
                + Suggestions.closest(name, names).map(n -> "; did you mean --" + n + "?").orElse(".")
                + " " + where + " lists the flags.");
    }

    /** The verbs, one line each: what {@code adhoc help} prints. */
    public static String overview() {
        return Help.verbs();
    }

    /** What {@code help} prints: the verbs, or one verb's flags with their defaults. */
    public String usage() {
        return helpTopic.map(Help::verb).orElseGet(CommandLine::overview);
    }
}
