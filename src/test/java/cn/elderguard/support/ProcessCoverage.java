package cn.elderguard.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test class (one per model, named *ProcessTest): the processes whose every flow node and sequence flow its
 * tests must walk. After its last test the coverage library fails the class below 100 % of the models it touched and
 * writes its report to target/process-test-coverage/&lt;class&gt;/; {@link ProcessCoverageGate} then holds each
 * named process to 100 % on its own. Every process in bpmn/ must be named by some class (admin/ProcessCoverageTest).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestExecutionListeners(listeners = ProcessCoverageGate.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessCoverage {

    /** Process keys, from the backing classes (e.g. LeadDisposalProcess.KEY). */
    String[] value();
}
