package dev.adhoc.action.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

    @Test
    void aConditionMetAtTheFirstTryNeverSleeps() {
        FakeTime time = new FakeTime();
        AtomicInteger tries = new AtomicInteger();

        boolean met = time.poll().until(() -> tries.incrementAndGet() > 0, time.poll().deadline(Duration.ofMinutes(1)), Backoff.polling());

        assertThat(met).isTrue();
        assertThat(tries).hasValue(1);
        assertThat(time.sleptMillis()).isEmpty();
    }

    @Test
    void intervalsGrowByHalfUpToTheCap() {
        FakeTime time = new FakeTime();
        AtomicInteger tries = new AtomicInteger();

        boolean met = time.poll().until(() -> tries.incrementAndGet() == 9, time.poll().deadline(Duration.ofMinutes(1)), Backoff.polling());

        assertThat(met).isTrue();
        assertThat(time.sleptMillis()).containsExactly(250L, 375L, 562L, 843L, 1264L, 1896L, 2000L, 2000L);
    }

    @Test
    void tasksArePolledAtLeastEveryFourHundredMilliseconds() {
        Backoff tasks = Backoff.tasks();
        List<Duration> intervals = List.of(tasks.next(), tasks.next(), tasks.next(), tasks.next());
        assertThat(intervals).extracting(Duration::toMillis).containsExactly(200L, 300L, 400L, 400L);
    }

    @Test
    void theLastPauseEndsAtTheBoundAndOneMoreTryDecides() {
        FakeTime time = new FakeTime();
        AtomicInteger tries = new AtomicInteger();

        boolean met = time.poll().until(() -> {
            tries.incrementAndGet();
            return false;
        }, time.poll().deadline(Duration.ofSeconds(1)), Backoff.polling());

        assertThat(met).isFalse();
        assertThat(time.sleptMillis()).containsExactly(250L, 375L, 375L);
        assertThat(tries).hasValue(4);
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aBoundAlreadyPassedStillTriesOnceAndDoesNotSleep() {
        FakeTime time = new FakeTime();
        AtomicInteger tries = new AtomicInteger();

        Optional<String> result = time.poll().untilPresent(() -> {
            tries.incrementAndGet();
            return Optional.<String>empty();
        }, time.poll().deadline(Duration.ZERO), Backoff.polling());

        assertThat(result).isEmpty();
        assertThat(tries).hasValue(1);
        assertThat(time.sleptMillis()).isEmpty();
    }

    @Test
    void theFirstResultIsReturned() throws IOException {
        FakeTime time = new FakeTime();
        AtomicInteger tries = new AtomicInteger();

        Optional<String> result = time.poll().untilPresent(() -> {
            if (tries.incrementAndGet() < 3) return Optional.empty();
            return Optional.of("answer " + tries.get());
        }, time.poll().deadline(Duration.ofMinutes(1)), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)));

        assertThat(result).contains("answer 3");
        assertThat(time.sleptMillis()).containsExactly(1000L, 1500L);
    }

    @Test
    void whatAnAttemptThrowsPassesThrough() {
        FakeTime time = new FakeTime();

        assertThatThrownBy(() -> time.poll().untilPresent(() -> {
            throw new IOException("connection refused");
        }, time.poll().deadline(Duration.ofMinutes(1)), Backoff.polling())).isInstanceOf(IOException.class).hasMessage("connection refused");
    }

    @Test
    void anInterruptWhilePausingEndsTheWaitAsAFailureAndKeepsTheFlag() {
        Poll interrupted = new Poll(Clock.systemUTC(), duration -> {
            throw new InterruptedException();
        });
        AtomicInteger tries = new AtomicInteger();
        try {
            assertThatThrownBy(() -> interrupted.until(() -> tries.incrementAndGet() < 0, interrupted.deadline(Duration.ofMinutes(1)),
                    Backoff.polling()))
                    .isInstanceOf(Poll.Interrupted.class)
                    .hasMessage("The run was interrupted while waiting.")
                    .satisfies(e -> assertThat(((Poll.Interrupted) e).reason()).isEqualTo("interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(tries).hasValue(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFixedPauseSleepsExactlyThatLong() {
        FakeTime time = new FakeTime();
        time.poll().pause(Duration.ofSeconds(3));
        assertThat(time.sleptMillis()).containsExactly(3000L);
    }
}
