package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.notification.DailyDigestProcess;
import cn.elderguard.support.ModelContract;

/**
 * Every model in bpmn/, its backing class, forms/ and deadline/service-levels.yaml agree (see ModelContract for the
 * rules); and the checker does fail, on fixtures in src/test/resources/fixtures/contract/.
 * Plain JUnit: no Spring, no engine.
 */
class ModelContractTest {

    /** Process key → backing class; a new model needs its row here (the first test says so). */
    private static final Map<String, Class<?>> BACKING = Map.of(
        LeadDisposalProcess.KEY, LeadDisposalProcess.class,
        CaseHandOverProcess.KEY, CaseHandOverProcess.class,
        DailyDigestProcess.KEY, DailyDigestProcess.class);

    private static final Path CONTRACT = Path.of("src/test/resources/fixtures/contract");

    private final ModelContract shipped = new ModelContract(Path.of("forms"));

    @Test
    void shippedModelsKeepTheirContract() {
        List<Path> models = models();
        assertThat(models).hasSize(BACKING.size());
        for (Path model : models) {
            Class<?> backing = BACKING.get(shipped.processKey(model));
            assertThat(backing).as(model + ": no backing class; write one (key, element ids, form ids) and add it to BACKING").isNotNull();
            assertThat(shipped.check(model, backing)).as(model.toString()).isEmpty();
        }
    }

    @Test
    void everyShippedFormIsDeclaredByTheProcessUsingIt() {
        assertThat(shipped.undeclaredForms(BACKING.values())).isEmpty();
    }

    @Test
    void everyServiceLevelNamesAUserTaskOfAProcess() {
        assertThat(shipped.checkServiceLevels(Path.of("src/main/resources/deadline/service-levels.yaml"), models())).isEmpty();
    }

    @Test
    void aRenamedTaskBreaksTheContract() {
        List<String> violations = shipped.check(CONTRACT.resolve("CaseHandOverRenamedTask.bpmn"), CaseHandOverProcess.class);

        assertThat(violations).hasSize(2);
        assertThat(violations).anySatisfy(violation -> assertThat(violation)
            .startsWith("CaseHandOverRenamedTask.bpmn: CaseHandOverProcess.TASK_CONFIRM_RECEIPT = " + CaseHandOverProcess.TASK_CONFIRM_RECEIPT + " names no element"));
        assertThat(violations).anySatisfy(violation -> assertThat(violation)
            .isEqualTo("CaseHandOverRenamedTask.bpmn: element Task_AcknowledgeReceipt has no constant in CaseHandOverProcess; add one"));
        assertThat(shipped.checkServiceLevels(Path.of("src/main/resources/deadline/service-levels.yaml"),
            List.of(Path.of("bpmn/LeadDisposal.bpmn"), CONTRACT.resolve("CaseHandOverRenamedTask.bpmn"))))
            .containsExactly("src/main/resources/deadline/service-levels.yaml: row (CaseHandOver, Task_ConfirmReceipt) names no user task"
                + " of CaseHandOver; fix the task id or remove the row");
    }

    @Test
    void anUnknownAgencyOrMalformedMeasureBreaksTheContract() {
        assertThat(shipped.check(CONTRACT.resolve("CaseHandOverBadProperties.bpmn"), CaseHandOverProcess.class)).containsExactly(
            "CaseHandOverBadProperties.bpmn: user task Task_ConfirmReceipt: property agency = PUBLIC_SECURITY,POLICE has \"POLICE\","
                + " no organisation/Agency value; use comma-separated Agency names such as PUBLIC_SECURITY",
            "CaseHandOverBadProperties.bpmn: user task Task_ConfirmReceipt: property measure = refund order is no measure code;"
                + " use an upper-case code such as REFUND_ORDER");
    }

    /** "A form with an undeclared key": a form whose id no backing class declares (the classes declare form ids). */
    @Test
    void aFormNoProcessDeclaresBreaksTheContract() {
        ModelContract fixture = new ModelContract(CONTRACT.resolve("forms"));

        assertThat(fixture.undeclaredForms(BACKING.values())).singleElement().asString()
            .contains("ReviewUndeclared.form: form ReviewUndeclared is declared in no backing class");
        assertThat(fixture.check(Path.of("bpmn/CaseHandOver.bpmn"), CaseHandOverProcess.class))
            .containsExactly("CaseHandOverProcess: form constant ConfirmReceipt names no form in " + CONTRACT.resolve("forms")
                + " (by its \"id\"); add the form or remove the constant",
                "CaseHandOver.bpmn: user task Task_ConfirmReceipt has formRef ConfirmReceipt, which names no form in forms/"
                + " (by its \"id\"); set the form's id or the formRef");
    }

    private static List<Path> models() {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
