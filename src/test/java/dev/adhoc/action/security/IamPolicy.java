package dev.adhoc.action.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * An IAM identity policy evaluated as AWS evaluates one identity-based policy on its own: a
 * matching Deny statement wins, else a matching Allow allows, else the request is denied by
 * default. Statements: Effect, Action/NotAction, Resource/NotResource with {@code *} and
 * {@code ?} wildcards (ARNs matched component by component), Condition with the String, Arn,
 * Bool and Null operators, the {@code ForAllValues:}/{@code ForAnyValue:} qualifiers and the
 * {@code IfExists} suffix. Anything else in a policy (another operator, a policy variable,
 * Principal) is refused when parsing, so a policy is never judged by rules this class does not know.
 */
final class IamPolicy {
    enum Decision { ALLOWED, EXPLICITLY_DENIED, IMPLICITLY_DENIED }

    /** The decision and the Sid (or index) of the statement that made it, {@code null} for a default deny. */
    record Result(Decision decision, String statement) {
        boolean allowed() {
            return decision == Decision.ALLOWED;
        }
    }

    private record Statement(String sid, boolean allow, Patterns actions, Patterns resources, List<Condition> conditions) {
        boolean applies(AuthorizationRequest request) {
            return actions.matches(request.action(), IamPolicy::actionMatches)
                    && resources.matches(request.resource(), IamPolicy::resourceMatches)
                    && conditions.stream().allMatch(condition -> condition.holds(request));
        }
    }

    /** Action or NotAction, Resource or NotResource. */
    private record Patterns(List<String> patterns, boolean negated) {
        boolean matches(String value, BiPredicate<String, String> match) {
            boolean any = patterns.stream().anyMatch(pattern -> match.test(pattern, value));
            return negated != any;
        }
    }

    private enum Qualifier { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    /** One operator applied to one key: true when any policy value matches (or, negated, none does). */
    private record Condition(String operator, Qualifier qualifier, boolean ifExists, String key, List<String> policyValues) {
        boolean holds(AuthorizationRequest request) {
            List<String> values = request.values(key);
            if (operator.equals("Null")) {
                return policyValues.stream().anyMatch(expected -> Boolean.parseBoolean(expected) == (values == null));
            }
            boolean negated = operator.contains("Not");
            if (values == null) {
                return ifExists || qualifier == Qualifier.FOR_ALL_VALUES || (negated && qualifier == Qualifier.NONE);
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> values.stream().allMatch(value -> matchesOne(value, negated));
                case FOR_ANY_VALUE -> values.stream().anyMatch(value -> matchesOne(value, negated));
                case NONE -> negated
                        ? values.stream().allMatch(value -> matchesOne(value, true))
                        : values.stream().anyMatch(value -> matchesOne(value, false));
            };
        }

        private boolean matchesOne(String value, boolean negated) {
            boolean any = policyValues.stream().anyMatch(expected -> compare(expected, value));
            return negated != any;
        }

        private boolean compare(String expected, String value) {
            return switch (operator) {
                case "StringEquals", "StringNotEquals" -> expected.equals(value);
                case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> expected.equalsIgnoreCase(value);
                case "StringLike", "StringNotLike" -> Wildcards.matches(expected, value);
                case "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike" -> Wildcards.matchesArn(expected, value);
                case "Bool" -> expected.equalsIgnoreCase(value);
                default -> throw new IllegalStateException("operator " + operator);
            };
        }
    }

    private static final List<String> OPERATORS = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
            "Bool", "Null");

    private final List<Statement> statements;

    private IamPolicy(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    static IamPolicy parse(String json) {
        try {
            return parse(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON policy document", e);
        }
    }

    static IamPolicy parse(JsonNode document) {
        List<Statement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode statement : list(document.path("Statement"))) {
            statements.add(statement(statement, index++));
        }
        if (statements.isEmpty()) throw new IllegalArgumentException("policy has no Statement: " + document);
        return new IamPolicy(statements);
    }

    Result evaluate(AuthorizationRequest request) {
        String allowedBy = null;
        for (Statement statement : statements) {
            if (!statement.applies(request)) continue;
            if (!statement.allow()) return new Result(Decision.EXPLICITLY_DENIED, statement.sid());
            if (allowedBy == null) allowedBy = statement.sid();
        }
        return allowedBy == null ? new Result(Decision.IMPLICITLY_DENIED, null) : new Result(Decision.ALLOWED, allowedBy);
    }

    private static Statement statement(JsonNode node, int index) {
        node.fieldNames().forEachRemaining(field -> {
            if (!List.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition").contains(field)) {
                throw new IllegalArgumentException("statement " + index + ": unsupported element " + field);
            }
        });
        String sid = node.path("Sid").asText("#" + index);
        String effect = node.path("Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) throw new IllegalArgumentException(sid + ": Effect " + effect);
        return new Statement(sid, effect.equals("Allow"), patterns(node, "Action", sid), patterns(node, "Resource", sid),
                conditions(node.path("Condition"), sid));
    }

    private static Patterns patterns(JsonNode statement, String element, String sid) {
        boolean plain = statement.has(element);
        boolean negated = statement.has("Not" + element);
        if (plain == negated) throw new IllegalArgumentException(sid + ": needs exactly one of " + element + " and Not" + element);
        List<String> values = strings(statement.get(plain ? element : "Not" + element), sid);
        return new Patterns(values, negated);
    }

    private static List<Condition> conditions(JsonNode block, String sid) {
        List<Condition> conditions = new ArrayList<>();
        block.fields().forEachRemaining(operator -> {
            String name = operator.getKey();
            Qualifier qualifier = Qualifier.NONE;
            if (name.startsWith("ForAllValues:")) qualifier = Qualifier.FOR_ALL_VALUES;
            if (name.startsWith("ForAnyValue:")) qualifier = Qualifier.FOR_ANY_VALUE;
            String base = name.substring(name.indexOf(':') + 1);
            boolean ifExists = base.endsWith("IfExists");
            if (ifExists) base = base.substring(0, base.length() - "IfExists".length());
            if (!OPERATORS.contains(base) || (base.equals("Null") && (ifExists || qualifier != Qualifier.NONE))) {
                throw new IllegalArgumentException(sid + ": unsupported condition operator " + name);
            }
            for (var key : (Iterable<java.util.Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                conditions.add(new Condition(base, qualifier, ifExists, key.getKey(), strings(key.getValue(), sid)));
            }
        });
        return conditions;
    }

    private static List<String> strings(JsonNode node, String sid) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : list(node)) {
            if (!value.isValueNode()) throw new IllegalArgumentException(sid + ": not a string: " + value);
            String text = value.asText();
            if (text.contains("${")) throw new IllegalArgumentException(sid + ": policy variables are not supported: " + text);
            values.add(text);
        }
        return values;
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> nodes = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) return nodes;
        if (node.isArray()) node.forEach(nodes::add);
        else nodes.add(node);
        return nodes;
    }

    /** Action names are case-insensitive: {@code ecs:Describe*} matches {@code ECS:describeServices}. */
    private static boolean actionMatches(String pattern, String action) {
        return Wildcards.matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    private static boolean resourceMatches(String pattern, String resource) {
        return pattern.equals("*") || Wildcards.matchesArn(pattern, resource);
    }
}
