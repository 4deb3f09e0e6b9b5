package cn.elderguard.deadline;

import cn.elderguard.organisation.Agency;

/**
 * Which deadlines a console figure or list looks at: region codes from {@code first} to {@code last} (a jurisdiction
 * subtree, or one jurisdiction), and optionally one agency, one process and one task type. Work without a unit has
 * no region and is never in a filter's range.
 */
public record DeadlineFilter(String first, String last, Agency agency, String processKey, String taskKey) {

    public DeadlineFilter {
        if (first == null || last == null) {
            throw new IllegalArgumentException("a deadline filter needs a region range");
        }
    }

    public DeadlineFilter(String first, String last, Agency agency) {
        this(first, last, agency, null, null);
    }
}
