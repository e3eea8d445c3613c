package dev.adhoc.action.config;

import dev.adhoc.action.AdhocFailure;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI form: {@code adhoc <operation> [environment] [--input-name value | --input-name=value]...}
 * with the same names as the Action's inputs. Inputs not given as flags may come from
 * {@code INPUT_<NAME>} variables, which keeps secrets (tokens, keys) off the command line.
 */
public record CommandLine(Kind kind, Inputs inputs) {

    public enum Kind { RUN, HELP, VERSION }

    public static CommandLine parse(String[] args, Map<String, String> environment) {
        EnumMap<Input, String> values = new EnumMap<>(Input.class);
        Inputs.fromEnvironment(environment).asMap().forEach(values::put);
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) return new CommandLine(Kind.HELP, Inputs.of(values));
            if (arg.equals("--version") || arg.equals("-V") || arg.equals("version")) return new CommandLine(Kind.VERSION, Inputs.of(values));
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (isBoolean(name) && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw AdhocFailure.invalidInput("Flag --" + name + " needs a value.");
                }
                String flag = name;
                Input input = Input.byName(flag).orElseThrow(() -> AdhocFailure.invalidInput(
                        "Unknown flag --" + flag + ". Run with --help to see the inputs."));
                values.put(input, value);
            } else if (positional == 0) {
                values.put(Input.OPERATION, arg);
                positional++;
            } else if (positional == 1) {
                values.put(Input.ENVIRONMENT, arg);
                positional++;
            } else {
                throw AdhocFailure.invalidInput("Unexpected argument '" + arg + "'. Run with --help for usage.");
            }
        }
        return new CommandLine(Kind.RUN, Inputs.of(values));
    }

    private static boolean isBoolean(String name) {
        Optional<Input> input = Input.byName(name);
        return input.flatMap(Input::defaultValue).map(d -> d.equals("true") || d.equals("false")).orElse(false);
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: adhoc <operation> [environment] [--input value]...
                       adhoc --help | --version

                Operations: plan, create, deploy, run, destroy, list, cleanup, stop, start
                Examples:
                  adhoc deploy --environment alpha --backend-image-tag v2
                  adhoc run alpha --command "python manage.py createsuperuser --no-input"
                  adhoc cleanup --older-than 7d --dry-run false

                Inputs (flags; the same names as the GitHub Action's inputs; INPUT_<NAME> variables also work):
                """);
        for (Input input : Input.values()) {
            if (input == Input.OPERATION) continue;
            text.append(String.format("  --%-34s %s%s%n", input.inputName(), input.description(),
                    input.defaultValue().filter(d -> !d.startsWith("${{")).map(d -> " (default: " + d + ")").orElse("")));
        }
        text.append("\nAWS: the SDK's standard configuration (AWS_REGION, credentials, AWS_ENDPOINT_URL).\n");
        return text.toString();
    }
}
