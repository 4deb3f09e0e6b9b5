package cn.elderguard.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's. Job due dates, task create times, our tables' timestamps and
 * the case timeline all read it, so a test that moves the engine's clock (deadlines, escalation) moves every
 * record with it, and a move to another engine changes this class only.
 *
 * <p>The one time zone too: due dates, working days, mail dates and the daily digest's morning are those of
 * {@code elderguard.time-zone} (set at start-up by {@link TimeZoneSetting}), never the server's own zone.
 */
public final class Now {

    /** The officers' zone, unless {@code elderguard.time-zone} says otherwise. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile ZoneId zone = DEFAULT_ZONE;

    private Now() {
    }

    public static Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static Timestamp timestamp() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    public static Date date() {
        return ClockUtil.getCurrentTime();
    }

    /** The configured time zone of the installation. */
    public static ZoneId zone() {
        return zone;
    }

    /** The engine's clock in the configured zone. */
    public static ZonedDateTime local() {
        return instant().atZone(zone);
    }

    /** Today in the configured zone. */
    public static LocalDate today() {
        return local().toLocalDate();
    }

    static void useZone(ZoneId configured) {
        zone = configured;
    }
}
