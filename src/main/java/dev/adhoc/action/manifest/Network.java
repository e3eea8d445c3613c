package dev.adhoc.action.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Where one-off tasks run: the awsvpc configuration shared with the environment's services. */
public record Network(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
    public Network {
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }

    static Network from(JsonNode node) {
        return new Network(Json.strings(node, "subnets"), Json.strings(node, "securityGroups"),
                Json.text(node, "assignPublicIp", "DISABLED"));
    }
}
