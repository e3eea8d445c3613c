package dev.adhoc.action.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS clients an operation uses, each built on first use so an operation pays start-up
 * only for the services it calls. Configuration is the SDK's standard one, read from the
 * process environment given here: region, credentials and {@code AWS_ENDPOINT_URL} (which is
 * how tests and the local demo point everything at a local AWS).
 * Throttling and 5xx are retried by the SDK's standard retry strategy with room for bursts.
 */
public final class AwsClients implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 10;

    private final Map<String, String> processEnvironment;
    private final Lazy<SdkHttpClient> http = new Lazy<>(() -> UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .build());
    private final Lazy<EcsClient> ecs = new Lazy<>(() -> configure(EcsClient.builder()).build());
    private final Lazy<CloudWatchLogsClient> logs = new Lazy<>(() -> configure(CloudWatchLogsClient.builder()).build());
    private final Lazy<SsmClient> ssm = new Lazy<>(() -> configure(SsmClient.builder()).build());
    private final Lazy<ElasticLoadBalancingV2Client> elb = new Lazy<>(() -> configure(ElasticLoadBalancingV2Client.builder()).build());
    private final Lazy<SecretsManagerClient> secrets = new Lazy<>(() -> configure(SecretsManagerClient.builder()).build());
    // Quotas are a best-effort lookup with documented defaults behind it: no long retries.
    private final Lazy<ServiceQuotasClient> quotas = new Lazy<>(() -> configure(ServiceQuotasClient.builder(), 2).build());

    public AwsClients(Map<String, String> processEnvironment) {
        this.processEnvironment = Map.copyOf(processEnvironment);
    }

    public EcsClient ecs() {
        return ecs.get();
    }

    public CloudWatchLogsClient logs() {
        return logs.get();
    }

    public SsmClient ssm() {
        return ssm.get();
    }

    public ElasticLoadBalancingV2Client elb() {
        return elb.get();
    }

    public SecretsManagerClient secrets() {
        return secrets.get();
    }

    public ServiceQuotasClient quotas() {
        return quotas.get();
    }

    /** The region in use, if the environment names one (otherwise the SDK's profile chain decides). */
    public Optional<String> region() {
        return Optional.ofNullable(processEnvironment.get("AWS_REGION")).or(() -> Optional.ofNullable(processEnvironment.get("AWS_DEFAULT_REGION")));
    }

    /** Endpoint override in effect (local AWS), if any. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(processEnvironment.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()).map(URI::create);
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return configure(builder, MAX_ATTEMPTS);
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, int maxAttempts) {
        region().map(Region::of).ifPresent(builder::region);
        endpoint().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials());
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                .apiCallTimeout(Duration.ofMinutes(2))
                .build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http.get());
        }
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        String key = processEnvironment.get("AWS_ACCESS_KEY_ID");
        String secret = processEnvironment.get("AWS_SECRET_ACCESS_KEY");
        if (key == null || secret == null) return DefaultCredentialsProvider.builder().build();
        String token = processEnvironment.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null || token.isBlank()
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, token));
    }

    @Override
    public void close() {
        ecs.ifCreated(EcsClient::close);
        logs.ifCreated(CloudWatchLogsClient::close);
        ssm.ifCreated(SsmClient::close);
        elb.ifCreated(ElasticLoadBalancingV2Client::close);
        secrets.ifCreated(SecretsManagerClient::close);
        quotas.ifCreated(ServiceQuotasClient::close);
        http.ifCreated(SdkHttpClient::close);
    }

    /** A value built once, on first use, thread-safely. */
    private static final class Lazy<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) value = factory.get();
            return value;
        }

        synchronized void ifCreated(java.util.function.Consumer<T> action) {
            if (value != null) action.accept(value);
        }
    }
}
