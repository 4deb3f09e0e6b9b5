package cn.elderguard.system;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code elderguard.time-zone}: the one zone of due dates, the working-day calendar, mail dates and the daily
 * digest (README, Configuration). Beans that compute with the zone during start-up (the engine's business
 * calendars) depend on this bean, so the zone is set before the engine schedules its first timer.
 */
@Component
public class TimeZoneSetting {

    private static final Logger log = LoggerFactory.getLogger(TimeZoneSetting.class);

    private final ZoneId zone;

    TimeZoneSetting(@Value("${elderguard.time-zone:Asia/Shanghai}") String configured) {
        try {
            this.zone = ZoneId.of(configured.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("elderguard.time-zone: '" + configured
                + "' is not a time zone id (e.g. Asia/Shanghai)", e);
        }
        Now.useZone(zone);
        log.info("Dates are computed in {} (elderguard.time-zone; the server's zone is {})", zone, ZoneId.systemDefault());
    }

    public ZoneId zone() {
        return zone;
    }
}
