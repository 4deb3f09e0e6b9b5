package cn.elderguard.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.elderguard.system.Now;

/**
 * Working days (工作日) of mainland China: Monday to Friday, minus official holidays, plus the make-up
 * working days (调休) on weekends, from {@code deadline/cn-working-calendar.yaml}. A year the file does not
 * cover is counted Monday to Friday and reported by {@link #uncoveredYearsUsed()} so administrators see
 * that the file needs the State Council's next notice. Days are those of the configured zone ({@link Now#zone()}),
 * whatever the server's is.
 */
@Component
public class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
    /** Guards against an endless loop on a corrupt file (every day a holiday). */
    private static final int MAX_DAYS_SCANNED = 3660;

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final SortedSet<Integer> coveredYears;
    private final Set<Integer> uncoveredYearsUsed = ConcurrentHashMap.newKeySet();

    @Autowired
    WorkingCalendar(@Value("${elderguard.deadlines.calendar:classpath:deadline/cn-working-calendar.yaml}") Resource file)
        throws IOException {
        this(load(file), true);
    }

    /** A calendar of the given data (tests). */
    static WorkingCalendar of(Data data) {
        return new WorkingCalendar(data, true);
    }

    private WorkingCalendar(Data data, boolean unused) {
        this.holidays = Set.copyOf(data.holidays());
        this.makeUpWorkingDays = Set.copyOf(data.makeUpWorkingDays());
        this.coveredYears = Collections.unmodifiableSortedSet(new TreeSet<>(data.years()));
        log.info("Working-day calendar covers {}", coveredYears);
    }

    public boolean isWorkingDay(LocalDate day) {
        noteCoverage(day);
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * {@code days} working days after {@code start}, at the same time of day: counting starts on the next
     * day, so a duty given on a Friday with one working day is due on Monday (or on the next working day
     * after a holiday). Negative {@code days} count backwards.
     */
    public ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime local = start.withZoneSameInstant(Now.zone());
        LocalDate day = local.toLocalDate();
        int step = days >= 0 ? 1 : -1;
        int remaining = Math.abs(days);
        int scanned = 0;
        while (remaining > 0) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                remaining--;
            }
            if (++scanned > MAX_DAYS_SCANNED) {
                throw new IllegalStateException("no working day within " + MAX_DAYS_SCANNED + " days of " + start);
            }
        }
        return local.with(day);
    }

    /** Adds working days or calendar days. */
    public ZonedDateTime plus(ZonedDateTime start, int days, boolean workingDays) {
        return workingDays ? plusWorkingDays(start, days) : start.withZoneSameInstant(Now.zone()).plusDays(days);
    }

    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** Years outside the file that deadlines have been counted in since start-up (Monday to Friday). */
    public SortedSet<Integer> uncoveredYearsUsed() {
        return new TreeSet<>(uncoveredYearsUsed);
    }

    private void noteCoverage(LocalDate day) {
        int year = day.getYear();
        if (!coveredYears.contains(year) && uncoveredYearsUsed.add(year)) {
            log.warn("The working-day calendar has no data for {}: deadlines in {} are counted Monday to Friday,"
                + " without holidays. Add the year to deadline/cn-working-calendar.yaml.", year, year);
        }
    }

    record Data(Collection<Integer> years, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
    }

    @SuppressWarnings("unchecked")
    static Data load(Resource file) throws IOException {
        Map<String, Object> root;
        try (InputStream in = file.getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Set<Integer> years = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        Map<Object, Map<String, List<Map<String, Object>>>> byYear = (Map<Object, Map<String, List<Map<String, Object>>>>) root.get("years");
        byYear.forEach((year, lists) -> {
            int y = Integer.parseInt(year.toString());
            years.add(y);
            for (Map<String, Object> entry : lists.getOrDefault("holidays", List.of())) {
                holidays.add(date(entry.get("date"), y, file));
            }
            for (Map<String, Object> entry : lists.getOrDefault("make-up-working-days", List.of())) {
                makeUp.add(date(entry.get("date"), y, file));
            }
        });
        return new Data(years, holidays, makeUp);
    }

    private static LocalDate date(Object value, int year, Resource file) {
        LocalDate date = value instanceof Date d ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(String.valueOf(value));
        if (date.getYear() != year) {
            throw new IllegalStateException(file.getDescription() + ": " + date + " is listed under " + year);
        }
        return date;
    }
}
