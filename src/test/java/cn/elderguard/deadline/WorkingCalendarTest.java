package cn.elderguard.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.springframework.core.io.ClassPathResource;

import cn.elderguard.system.Now;

/** Working-day arithmetic over the shipped holiday file. */
class WorkingCalendarTest {

    WorkingCalendar calendar;

    @BeforeEach
    void load() throws IOException {
        calendar = WorkingCalendar.of(WorkingCalendar.load(new ClassPathResource("deadline/cn-working-calendar.yaml")));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        // 国庆 2025 (Oct 1–8 off, Sat Sep 28 and Sat Oct 11 worked)
        "2025-09-26, 1, 2025-09-28",
        "2025-09-30, 1, 2025-10-09",
        "2025-10-09, 1, 2025-10-10",
        "2025-10-10, 1, 2025-10-11",
        "2025-10-11, 1, 2025-10-13",
        // 春节 2026 (Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked)
        "2026-02-13, 1, 2026-02-14",
        "2026-02-14, 1, 2026-02-24",
        "2026-02-26, 2, 2026-02-28",
        "2026-02-27, 2, 2026-03-02",
        // 国庆 2026 (Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked): ten working days from Mon Sep 28
        "2026-09-28, 10, 2026-10-16",
        // 春节 2024 (Feb 10–17 off, Sun Feb 4 and Sun Feb 18 worked)
        "2024-02-02, 1, 2024-02-04",
        "2024-02-09, 1, 2024-02-18",
        // counting backwards (a reminder two working days before due)
        "2026-10-16, -2, 2026-10-14",
        "2026-10-09, -2, 2026-09-30",
        // an ordinary week
        "2026-11-20, 1, 2026-11-23",
        "2026-11-23, 0, 2026-11-23"})
    void countsWorkingDays(LocalDate start, int days, LocalDate expected) {
        ZonedDateTime from = start.atTime(9, 30).atZone(Now.zone());

        assertThat(calendar.plusWorkingDays(from, days)).isEqualTo(expected.atTime(9, 30).atZone(Now.zone()));
    }

    @Test
    void makeUpSaturdaysAreWorkingDaysAndHolidayWeekdaysAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 11))).as("Sat 2025-10-11, 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).as("Wed 2025-10-08, 国庆").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Sat 2026-02-28, 调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Mon 2026-02-23, 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.uncoveredYearsUsed()).isEmpty();
    }

    @Test
    void aYearPastTheDataFallsBackToMondayToFridayAndIsReported() {
        assertThat(calendar.coveredYears()).containsExactly(2024, 2025, 2026);

        // 2027-01-01 is New Year's Day, but the file does not know 2027 yet: counted as an ordinary Friday.
        ZonedDateTime due = calendar.plusWorkingDays(LocalDate.of(2026, 12, 31).atTime(9, 0).atZone(Now.zone()), 1);

        assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(calendar.uncoveredYearsUsed()).containsExactly(2027);
    }

    @Test
    void calendarDaysIgnoreHolidays() {
        ZonedDateTime from = LocalDate.of(2026, 9, 30).atTime(9, 0).atZone(Now.zone());

        assertThat(calendar.plus(from, 3, false).toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(calendar.plus(from, 3, true).toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    // ---- the configured zone (elderguard.time-zone), not the server's: surefire runs the tests in UTC

    @Test
    void theTestsRunInAServerZoneOtherThanTheConfiguredOne() {
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now())).isEqualTo(ZoneOffset.UTC);
        assertThat(Now.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aDutyGivenEarlyOnAFridayMorningInBeijingIsDueOnMondayThoughItIsStillThursdayInUtc() {
        // Fri 2026-11-20 07:00 in Beijing is Thu 2026-11-19 23:00 UTC: counted in UTC, one working day would be Friday
        Date given = Date.from(Instant.parse("2026-11-19T23:00:00Z"));

        Date due = new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar()).resolveDuedate("P1WD", given);

        assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2026, 11, 23, 7, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    void aCronCycleIsReadInTheConfiguredZone() {
        // 08:30 in Beijing on Fri 2026-11-20: the morning run of that day is over
        Date after = Date.from(Instant.parse("2026-11-20T00:30:00Z"));

        Date next = new ZonedCycleBusinessCalendar().resolveDuedate("0 0 8 * * ?", after);

        assertThat(next.toInstant()).as("08:00 on Saturday in Beijing").isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(new CycleBusinessCalendar().resolveDuedate("0 0 8 * * ?", after).toInstant())
            .as("the stock calendar reads the server's zone: 08:00 UTC, 16:00 in Beijing").isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(ZonedCycleBusinessCalendar.next("0 0 8 * * ?", after, ZoneId.of("Europe/Berlin")).toInstant())
            .isEqualTo(Instant.parse("2026-11-20T07:00:00Z"));
    }

    @Test
    void repeatingIsoCyclesAreTheStockCalendars() {
        Date start = Date.from(Instant.parse("2026-11-20T00:00:00Z"));

        assertThat(new ZonedCycleBusinessCalendar().resolveDuedate("R3/PT1H", start).toInstant())
            .isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
    }
}
