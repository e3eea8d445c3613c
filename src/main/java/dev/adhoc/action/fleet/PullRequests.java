package dev.adhoc.action.fleet;

import java.io.IOException;

/** Asks the code host whether a pull request is still open. */
@FunctionalInterface
public interface PullRequests {
    /** Whether pull request {@code number} is closed (merged or not); any failure to find out is thrown. */
    boolean isClosed(int number) throws IOException;
}
