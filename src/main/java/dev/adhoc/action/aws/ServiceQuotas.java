package dev.adhoc.action.aws;

import java.util.OptionalDouble;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/** One quota's value as Service Quotas has it. */
public final class ServiceQuotas {
    private ServiceQuotas() {
    }

    /** The quota's value; empty when Service Quotas does not answer (no permission, no applied value, or none in this region). */
    public static OptionalDouble value(ServiceQuotasClient quotas, String service, String code) {
        try {
            Double value = quotas.getServiceQuota(r -> r.serviceCode(service).quotaCode(code)).quota().value();
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
        } catch (SdkException e) {
            return OptionalDouble.empty();
        }
    }
}
