import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adhoc.action.aws.AwsClients;
import dev.adhoc.action.config.Input;
import dev.adhoc.action.config.Inputs;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The program's start path up to its first AWS request, for builds in which no operation makes
 * one yet: read the inputs as Main does, build the AWS clients, list the manifests (the first
 * call of `list`). Compiled and run by bench/startup against target/adhoc-action.jar.
 */
public final class FirstAwsCall {
    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        Inputs inputs = Inputs.fromEnvironment(environment);
        new ObjectMapper();
        try (AwsClients aws = new AwsClients(environment)) {
            aws.ssm().getParametersByPath(b -> b.path(inputs.get(Input.MANIFEST_PREFIX).orElse("/adhoc")).recursive(true));
        } catch (SdkException expected) {
            System.exit(1);
        }
    }
}
