package dev.adhoc.action.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Where one-off tasks run: the awsvpc configuration shared with the environment's services. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Network(List<String> subnets, List<String> securityGroups, String assignPublicIp) {
    public Network {
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }

    @JsonCreator
    static Network fromJson(@JsonProperty("subnets") List<String> subnets, @JsonProperty("securityGroups") List<String> securityGroups,
                            @JsonProperty("assignPublicIp") String assignPublicIp) {
        return new Network(Json.orEmpty(subnets), Json.orEmpty(securityGroups), Json.orDefault(assignPublicIp, "DISABLED"));
    }
}
