package cn.elderguard.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.elderguard.campaign.CampaignRepository.PhasePlan;

/**
 * The campaign templates of campaign/templates.yaml (docs/campaigns.md, "Templates"): the standard three phases and the
 * calendars of the documents, turned into dated phases for a launch. Data, not code: a new calendar is a new entry.
 */
@Component
public class CampaignTemplates {

    private final List<Template> templates;

    CampaignTemplates() {
        this.templates = read();
    }

    public List<Template> all() {
        return templates;
    }

    public Optional<Template> find(String code) {
        return templates.stream().filter(template -> template.code().equals(code)).findFirst();
    }

    /** A template and its phases; a phase has month-days or months counted from the launch. */
    public record Template(String code, String label, String source, List<PhaseTemplate> phases) {

        /** The phases dated for a launch on {@code launchDate}, month-days placed in {@code year}. */
        public List<PhasePlan> dated(LocalDate launchDate, int year) {
            return phases.stream().map(phase -> phase.dated(launchDate, year)).toList();
        }
    }

    public record PhaseTemplate(String code, String label, MonthDay from, MonthDay to, Integer startMonth, Integer months) {

        PhasePlan dated(LocalDate launchDate, int year) {
            if (from != null) {
                return new PhasePlan(code, label, from.atYear(year), to.atYear(year));
            }
            LocalDate starts = launchDate.plusMonths(startMonth);
            return new PhasePlan(code, label, starts, starts.plusMonths(months).minusDays(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Template> read() {
        try (InputStream in = new ClassPathResource("campaign/templates.yaml").getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return ((List<Map<String, Object>>) root.get("templates")).stream().map(template -> new Template(
                (String) template.get("code"), (String) template.get("label"), (String) template.get("source"),
                ((List<Map<String, Object>>) template.get("phases")).stream().map(phase -> new PhaseTemplate(
                    (String) phase.get("code"), (String) phase.get("label"), monthDay(phase.get("from")), monthDay(phase.get("to")),
                    (Integer) phase.get("startMonth"), (Integer) phase.get("months"))).toList())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("campaign/templates.yaml cannot be read", e);
        }
    }

    private static MonthDay monthDay(Object value) {
        return value == null ? null : MonthDay.parse("--" + value);
    }
}
