package cn.elderguard.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the engine's. Job due dates, task create times, our tables' timestamps and
 * the case timeline all read it, so a test that moves the engine's clock (deadlines, escalation) moves every
 * record with it, and a move to another engine changes this class only.
 */
public final class Now {

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
}
