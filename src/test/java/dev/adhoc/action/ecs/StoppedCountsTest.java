package dev.adhoc.action.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoppedCountsTest {
    private static final String WEB = FakeEcs.ACCOUNT + "service/adhoc-alpha/alpha-web";

    private final FakeEcs ecs = new FakeEcs();
    private final StoppedCounts counts = new StoppedCounts(ecs);

    @Test
    void aCountIsRememberedAsATagOnItsServiceAndForgottenByRemovingIt() {
        counts.remember(WEB, 3);
        counts.forget(WEB);

        assertThat(ecs.changes()).containsExactly("TagResource " + WEB + " adhoc:desired-count=3", "UntagResource " + WEB + " adhoc:desired-count");
    }

    @Test
    void onlyACountOfZeroOrMoreIsRead() {
        assertThat(StoppedCounts.parse(" 2 ")).contains(2);
        assertThat(StoppedCounts.parse("0")).contains(0);
        assertThat(StoppedCounts.parse("-1")).isEmpty();
        assertThat(StoppedCounts.parse("two")).isEmpty();
        assertThat(StoppedCounts.parse(null)).isEmpty();
    }
}
