package cn.elderguard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.elderguard.engine.CaseProcessNames;
import cn.elderguard.institution.InstitutionInput;
import cn.elderguard.lead.CaseHandOverProcess;
import cn.elderguard.lead.LeadDisposalProcess;
import cn.elderguard.campaign.CampaignProcess;
import cn.elderguard.notification.DailyDigestProcess;
import cn.elderguard.rating.LeadPriorityDecision;
import cn.elderguard.rating.RiskRatingDecision;
import cn.elderguard.support.JavaStringLiterals;
import cn.elderguard.support.ModelNames;

/**
 * No name from the models is typed in src/main/java outside the backing classes (docs/modeler.md): a process key,
 * element id, form id, form field, decision input or output, variable or bean that code needs is a constant of the
 * class backing its model, and code uses the constant. A renamed element then breaks ModelContractTest in one
 * place instead of failing a case at run time wherever a copy of the old name was. Plain JUnit, reading files.
 */
class ModelNameLiteralsTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path ROOT = MAIN.resolve("cn/elderguard");

    /**
     * Where model names are written: one class per process and per decision table; and {@link CaseProcessNames}, which
     * holds what every case process shares with the engine-wide listeners of modules listed before {@code lead} in
     * docs/architecture.md (ledger, organisation), which may not refer to a process's class.
     */
    private static final List<Class<?>> BACKING = List.of(LeadDisposalProcess.class, CaseHandOverProcess.class,
        DailyDigestProcess.class, CampaignProcess.class, RiskRatingDecision.class, LeadPriorityDecision.class, CaseProcessNames.class);

    /** A literal in these files equal to a model name is not that name; each with the reason. */
    private static final List<Exemption> EXEMPTIONS = List.of(
        new Exemption("institution/", Arrays.stream(InstitutionInput.class.getRecordComponents()).map(RecordComponent::getName)
            .collect(Collectors.toSet()),
            "the institution registry's own field names (InstitutionInput: its JSON fields, the screening list's columns, the"
                + " problems its API reports); process variables copy some (legalForm, registered, …), and the registry's API"
                + " does not change when a model renames a variable"),
        new Exemption("notification/", mailPlaceholders(),
            "the placeholders of the mail templates (src/main/resources/mail/*.txt, e.g. ${institutionName}): the templates'"
                + " own names, filled from the deadline rows, not process variables"),
        new Exemption("organisation/", Set.of(CaseProcessNames.VAR_JURISDICTION),
            "the region of the organisation file's rows, of its HTTP API and of its cache keys, which routing's variable"
                + " happens to share"),
        new Exemption("lead/CaseController.java", Set.of(CaseProcessNames.VAR_JURISDICTION),
            "the case list's HTTP query parameter (@RequestParam jurisdiction), named in its error"));

    @Test
    void noModelNameIsTypedOutsideTheBackingClasses() {
        assertThat(literals(ModelNames.shipped()))
            .as("string literals in src/main/java equal to a name in bpmn/ or forms/; use (or add) the constant of the"
                + " model's backing class: " + BACKING.stream().map(Class::getSimpleName).toList())
            .isEmpty();
    }

    /** The check does find a literal: a copy of a form field's key in code. */
    @Test
    void theCheckFindsALiteral() {
        String source = """
            class Copy {
                // "registered" in a comment is not code
                boolean registered(Object execution) { return flag(execution, "registered") && !"x".equals('"'); }
            }
            """;
        assertThat(JavaStringLiterals.of(source)).extracting(JavaStringLiterals.Literal::value, JavaStringLiterals.Literal::line)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("registered", 3), org.assertj.core.groups.Tuple.tuple("x", 3));
        assertThat(ModelNames.shipped()).contains(LeadDisposalProcess.VAR_REGISTERED, LeadDisposalProcess.TASK_VERIFY_LEAD,
            LeadDisposalProcess.FORM_VERIFY_LEAD, LeadDisposalProcess.BEAN_RECORD_VERIFICATION, RiskRatingDecision.OUTPUT_REASON);
    }

    private static List<String> literals(Set<String> names) {
        Set<Path> backing = new TreeSet<>();
        BACKING.forEach(type -> backing.add(MAIN.resolve(type.getName().replace('.', '/') + ".java")));
        backing.forEach(file -> assertThat(file).as("backing class source").exists());
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            if (backing.contains(file)) {
                continue;
            }
            String source;
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JavaStringLiterals.Literal literal : JavaStringLiterals.of(source)) {
                String value = literal.value();
                String where = ROOT.relativize(file).toString().replace('\\', '/');
                if (names.contains(value) && EXEMPTIONS.stream().noneMatch(exemption -> exemption.covers(where, value))) {
                    found.add(where + ":" + literal.line() + " \"" + value + "\"");
                }
            }
        }
        return found;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code path} (relative to cn/elderguard; a folder ends with "/") may write {@code names}, for {@code reason}. */
    private record Exemption(String path, Set<String> names, String reason) {

        boolean covers(String file, String literal) {
            return (path.endsWith("/") ? file.startsWith(path) : file.equals(path)) && names.contains(literal);
        }
    }

    private static Set<String> mailPlaceholders() {
        Set<String> placeholders = new TreeSet<>();
        Matcher name = Pattern.compile("\\$\\{(?:task\\.)?(\\w+)").matcher("");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/mail"))) {
            for (Path file : files.toList()) {
                name.reset(Files.readString(file));
                while (name.find()) {
                    placeholders.add(name.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return placeholders;
    }
}
