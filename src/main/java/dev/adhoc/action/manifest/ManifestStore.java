package dev.adhoc.action.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.AdhocFailure;
import dev.adhoc.action.FailureReason;
import dev.adhoc.action.model.EnvironmentName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** Reads the manifests published in SSM under one prefix ({@code /adhoc} by default). */
public final class ManifestStore {
    public static final String SHARED = "_shared";
    private static final Pattern PREFIX = Pattern.compile("/[A-Za-z0-9_.\\-/]*");

    private final SsmClient ssm;
    private final String prefix;
    private final ObjectMapper mapper;

    public ManifestStore(SsmClient ssm, String prefix, ObjectMapper mapper) {
        this.ssm = ssm;
        this.prefix = validPrefix(prefix);
        this.mapper = mapper;
    }

    /** A manifest as stored, with when its parameter was last written. */
    public record Stored(Manifest manifest, Instant lastModified) {
    }

    public static String validPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches() || prefix.contains("//")) {
            throw AdhocFailure.invalidInput("Input 'manifest-prefix' is '" + prefix
                    + "': it must be an SSM path such as /adhoc (letters, digits, _ . - and /, starting with /).");
        }
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    public String parameterName(EnvironmentName environment) {
        return prefix + "/" + environment.value();
    }

    public Optional<Stored> find(EnvironmentName environment) {
        return read(parameterName(environment)).map(p -> new Stored(parse(p), p.lastModifiedDate()));
    }

    /** The manifest of an environment that must exist; an unknown one is a clear failure naming it. */
    public Manifest get(EnvironmentName environment) {
        return find(environment).map(Stored::manifest).orElseThrow(() -> new AdhocFailure(FailureReason.UNKNOWN_ENVIRONMENT,
                "Environment '" + environment + "' was not found: no manifest at SSM parameter " + parameterName(environment)
                        + ". Create it first (operation: create), or check 'environment' and 'manifest-prefix'."));
    }

    public SharedManifest shared() {
        String name = prefix + "/" + SHARED;
        Parameter parameter = read(name).orElseThrow(() -> new AdhocFailure(FailureReason.SHARED_STACK_MISSING,
                "The shared stack's manifest was not found at SSM parameter " + name
                        + ". Apply the shared terraform root (examples/shared) first, or check 'manifest-prefix'."));
        try {
            return SharedManifest.parse(parameter.value(), mapper);
        } catch (IllegalArgumentException e) {
            throw new AdhocFailure(FailureReason.INVALID_MANIFEST, "The shared manifest at " + name + " is not valid: " + e.getMessage() + ".");
        }
    }

    /**
     * Every environment under the prefix, by name. Parameters that are not environments are
     * skipped; a manifest that cannot be read is reported to {@code problems} and skipped, so one
     * broken environment never hides the others.
     */
    public List<Stored> list(Consumer<String> problems) {
        List<Stored> result = new ArrayList<>();
        ssm.getParametersByPathPaginator(GetParametersByPathRequest.builder().path(prefix).recursive(false).build())
                .stream().flatMap(page -> page.parameters().stream()).forEach(p -> {
                    String name = p.name().substring(p.name().lastIndexOf('/') + 1);
                    if (!EnvironmentName.isValid(name)) return;
                    try {
                        result.add(new Stored(parse(p), p.lastModifiedDate()));
                    } catch (AdhocFailure invalid) {
                        problems.accept(invalid.getMessage());
                    }
                });
        result.sort(Comparator.comparing(s -> s.manifest().environment()));
        return result;
    }

    private Optional<Parameter> read(String name) {
        try {
            return Optional.of(ssm.getParameter(r -> r.name(name)).parameter());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    private Manifest parse(Parameter parameter) {
        try {
            return Manifest.parse(parameter.value(), mapper);
        } catch (IllegalArgumentException e) {
            throw new AdhocFailure(FailureReason.INVALID_MANIFEST, "The manifest at SSM parameter " + parameter.name() + " is not valid: "
                    + e.getMessage() + ". Re-apply the environment with this version of the terraform module.");
        }
    }
}
