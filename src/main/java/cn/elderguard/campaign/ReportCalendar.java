package cn.elderguard.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.elderguard.system.Now;

/**
 * When the monthly progress reports open and fall due (docs/campaigns.md, "Duties and their due dates"): a month has a
 * report when its 21st lies between the launch and the last phase's last day; the report opens on the 1st (or at the
 * launch) and is due before the 22nd, i.e. by the end of the 21st (docs/domain.md §2.3: 每月22日前报送).
 */
final class ReportCalendar {

    static final int DUE_DAY = 21;

    private ReportCalendar() {
    }

    /** The report months of a campaign launched at {@code launchedAt} whose last phase ends on {@code lastDay}. */
    static List<Round> rounds(Instant launchedAt, LocalDate lastDay) {
        LocalDate launchDay = launchedAt.atZone(Now.zone()).toLocalDate();
        List<Round> rounds = new ArrayList<>();
        for (YearMonth month = YearMonth.from(launchDay); !month.atDay(1).isAfter(lastDay); month = month.plusMonths(1)) {
            LocalDate dueDay = month.atDay(DUE_DAY);
            if (dueDay.isBefore(launchDay) || dueDay.isAfter(lastDay)) {
                continue;
            }
            Instant firstOfMonth = month.atDay(1).atStartOfDay(Now.zone()).toInstant();
            rounds.add(new Round(month, firstOfMonth.isAfter(launchedAt) ? firstOfMonth : launchedAt, endOf(dueDay)));
        }
        return rounds;
    }

    /** The end of {@code day} in the configured zone: what "due on day" means (docs/campaigns.md). */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Now.zone()).toInstant();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Now.zone()).toInstant();
    }

    /** One month's report: the month (e.g. 2024-05), when its task opens, when it is due. */
    record Round(YearMonth month, Instant opensAt, Instant dueAt) {

        String period() {
            return month.toString();
        }

        ZonedDateTime due() {
            return dueAt.atZone(Now.zone());
        }
    }
}
