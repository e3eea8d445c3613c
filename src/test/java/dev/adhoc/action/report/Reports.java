package dev.adhoc.action.report;

import dev.adhoc.action.report.EnvironmentReport.Failure;
import dev.adhoc.action.report.EnvironmentReport.Phase;
import dev.adhoc.action.report.EnvironmentReport.ServiceRow;
import dev.adhoc.action.report.EnvironmentReport.State;
import dev.adhoc.action.report.EnvironmentReport.TaskResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports as a deploy of {@code pr-7} produces them. */
final class Reports {
    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    static final String URL = "https://pr-7.dev.example.com";
    static final String RUN = "https://github.com/acme/shop/actions/runs/1658821493";
    static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/backend";
    static final String SHELL = "aws ecs execute-command --region us-east-1 --cluster pr-7 --task $(aws ecs list-tasks --region us-east-1"
            + " --cluster pr-7 --service-name pr-7-web --query 'taskArns[0]' --output text) --container web --interactive"
            + " --command \"python manage.py shell\"";

    private Reports() {
    }

    static EnvironmentReport ready() {
        Map<String, String> images = new LinkedHashMap<>();
        images.put("backend", REPO + ":v2");
        images.put("frontend", "123456789012.dkr.ecr.us-east-1.amazonaws.com/frontend:v2");
        return EnvironmentReport.start("pr-7", "deploy", T0).toBuilder()
                .url(URL)
                .images(images)
                .services(List.of(
                        new ServiceRow("pr-7-web", Optional.of(REPO + ":v1"), REPO + ":v2", 13, Duration.ofSeconds(62)),
                        new ServiceRow("pr-7-worker", Optional.empty(), REPO + ":v2", 4, Duration.ofSeconds(48))))
                .task(new TaskResult("pr-7-migrate", 0, Duration.ofSeconds(12)))
                .task(new TaskResult("pr-7-collectstatic", 0, Duration.ofSeconds(20)))
                .phase(new Phase("migrations", T0, T0.plusSeconds(32)))
                .phase(new Phase("rollout", T0.plusSeconds(32), T0.plusSeconds(150)))
                .phase(new Phase("health check", T0.plusSeconds(150), T0.plusSeconds(150)))
                .runUrl(Optional.of(RUN))
                .shellCommand(Optional.of(SHELL))
                .build()
                .finished(State.READY, T0.plusSeconds(190));
    }

    static EnvironmentReport failed(Failure failure) {
        return ready().failed(failure, T0.plusSeconds(95));
    }
}
