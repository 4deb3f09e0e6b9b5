package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.elderguard.support.ApplicationRun;
import cn.elderguard.support.PostgresTestDatabase;

/**
 * A model file that does not parse, that Tasklist could not render, or that the deployment gate refuses (a
 * decision output outside its closed list, a form text view that would render a value as markup) stops start-up
 * with a message naming the file and the error.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokenModelTest {

    @ParameterizedTest
    @CsvSource({
        "broken-bpmn, Broken.bpmn, Task_DoesNotExist",
        "broken-form, Broken.form, is not valid JSON",
        "duplicate-form-id, DuplicateIds.form, component id \"Text_1\" is used more than once",
        "broken-dmn,  Broken.dmn,  is not a valid decision table",
        "misspelt-output, Misspelt.dmn, 'element Rule_Misspelt, rule closed-output-values: output level gives \"HIHG\"'",
        "templated-form, Templated.form, 组件 Text_Institution 在文本中显示变量"})
    void startUpFailsNamingTheFile(String folder, String file, String problem, CapturedOutput output) {
        String databaseUrl = PostgresTestDatabase.create();

        Throwable failure = catchThrowable(() -> ApplicationRun.start(databaseUrl,
            "--elderguard.models.locations=classpath*:bpmn/,classpath*:forms/,classpath*:fixtures/" + folder + "/"));

        assertThat(failure).isNotNull();
        assertThat(deploymentExceptionIn(failure))
            .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
            .contains("fixtures/" + folder + "/" + file)
            .contains(problem);
        // The start-up report carries the same message in place of a stack trace.
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(file + " ");
    }

    private static Throwable deploymentExceptionIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ModelDeploymentException) {
                return t;
            }
        }
        throw new AssertionError("start-up failed, but not because of a model: " + failure);
    }
}
