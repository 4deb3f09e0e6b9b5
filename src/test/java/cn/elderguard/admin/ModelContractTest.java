package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.elderguard.engine.CaseProcessNames;

import cn.elderguard.campaign.CampaignProcess;
import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.notification.DailyDigestProcess;
import cn.elderguard.rating.LeadPriorityDecision;
import cn.elderguard.rating.RiskRatingDecision;
import cn.elderguard.support.ModelContract;

/**
 * Every model in bpmn/, its backing class, forms/ and deadline/service-levels.yaml agree, and so do the decision
 * tables and their classes (see ModelContract for the rules); and the checker does fail, on fixtures in src/test/resources/fixtures/contract/.
 * Plain JUnit: no Spring, no engine.
 */
class ModelContractTest {

    /** Process key → backing class; a new model needs its row here (the first test says so). */
    private static final Map<String, Class<?>> BACKING = Map.of(
        LeadDisposalProcess.KEY, LeadDisposalProcess.class,
        CaseHandOverProcess.KEY, CaseHandOverProcess.class,
        DailyDigestProcess.KEY, DailyDigestProcess.class,
        CampaignProcess.KEY, CampaignProcess.class);

    /** Decision table file → the class that holds its decision keys and outputs. */
    private static final Map<String, Class<?>> DECISIONS = Map.of(
        "RiskRating.dmn", RiskRatingDecision.class,
        "LeadPriority.dmn", LeadPriorityDecision.class);

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

    /** Every variable and bean a model names is a constant of its class (or CaseProcessNames); see ModelContract#checkNames. */
    @Test
    void shippedModelsNameOnlyDeclaredVariablesAndBeans() {
        for (Path model : models()) {
            assertThat(shipped.checkNames(model, BACKING.get(shipped.processKey(model)), CaseProcessNames.class, BACKING))
                .as(model.toString()).isEmpty();
        }
    }

    @Test
    void everyVariableConstantNamesAVariable() {
        Set<String> setByApplication = new TreeSet<>();
        ExpressionRulesTest.applicationVariables().forEach(declared -> setByApplication.addAll(declared.setByApplication()));
        List<Class<?>> classes = new ArrayList<>(BACKING.values());
        classes.add(CaseProcessNames.class);

        assertThat(shipped.unusedVariables(classes, models(), setByApplication)).isEmpty();
    }

    @Test
    void everyDecisionTableKeepsItsContract() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path dmn : files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList()) {
                Class<?> backing = DECISIONS.get(dmn.getFileName().toString());
                assertThat(backing).as(dmn + ": no class for its decisions; write one (keys, outputs) and add it to DECISIONS").isNotNull();
                assertThat(ModelContract.checkDecisions(dmn, backing)).as(dmn.toString()).isEmpty();
            }
        }
    }

    /** A bean renamed in the model, a variable passed under another name, a constant no longer used: each is found. */
    @Test
    void aRenamedBeanOrVariableBreaksTheContract(@TempDir Path folder) throws IOException {
        Path handOver = folder.resolve("CaseHandOver.bpmn");
        Files.writeString(handOver, Files.readString(Path.of("bpmn/CaseHandOver.bpmn"))
            .replace("${" + CaseHandOverProcess.BEAN_RECORD_RECEIPT + "}", "${recordReceiptNow}"));
        Path disposal = folder.resolve("LeadDisposal.bpmn");
        Files.writeString(disposal, Files.readString(Path.of("bpmn/LeadDisposal.bpmn"))
            .replace("target=\"" + CaseHandOverProcess.VAR_HAND_OVER_PURPOSE + "\"", "target=\"purpose\"")
            .replace("${" + LeadDisposalProcess.VAR_SPOT_CHECK_RESULT + " ==", "${spotCheckOutcome =="));

        assertThat(shipped.checkNames(handOver, CaseHandOverProcess.class, CaseProcessNames.class, BACKING)).containsExactly(
            "CaseHandOver.bpmn: bean recordReceiptNow has no BEAN_ constant in CaseHandOverProcess; add one and use it in the bean's @ModelBean",
            "CaseHandOverProcess: BEAN_ constant recordReceipt names no bean CaseHandOver.bpmn uses; remove it or use the bean");
        assertThat(shipped.checkNames(disposal, LeadDisposalProcess.class, CaseProcessNames.class, BACKING)).containsExactly(
            "LeadDisposal.bpmn: variable spotCheckOutcome has no VAR_ constant in LeadDisposalProcess (or CaseProcessNames if every"
                + " case process has it); add one",
            "LeadDisposal.bpmn: variable purpose passed to CaseHandOver has no VAR_ constant in CaseHandOverProcess; add one");
        assertThat(shipped.unusedVariables(List.of(CaseHandOverProcess.class), List.of(disposal, handOver), Set.of())).containsExactly(
            "CaseHandOverProcess.VAR_HAND_OVER_PURPOSE = handOverPurpose is no variable of a model, form or decision, nor one the"
                + " application sets; remove it or declare it where the application sets it");
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
            List.of(Path.of("bpmn/LeadDisposal.bpmn"), Path.of("bpmn/Campaign.bpmn"), CONTRACT.resolve("CaseHandOverRenamedTask.bpmn"))))
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
