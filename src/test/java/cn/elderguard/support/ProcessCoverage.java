package cn.elderguard.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test class: the processes (keys) whose every flow node and sequence flow its tests must walk. The
 * coverage library records what the class's tests pass; {@link ProcessCoverageGate} fails the class after its last
 * test when a named process is not covered in full, and writes the library's report under
 * target/process-test-coverage/. Every process in bpmn/ must be named by some class (ProcessCoverageTest).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestExecutionListeners(listeners = ProcessCoverageGate.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessCoverage {

    /** Process keys, from the backing classes (e.g. LeadDisposalProcess.KEY). */
    String[] value();
}
