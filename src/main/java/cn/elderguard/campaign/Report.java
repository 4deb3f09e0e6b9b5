package cn.elderguard.campaign;

import java.time.Instant;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.RegionCode;

/** A stored information or urgent report with the unit that sent it. */
public record Report(long id, ReportKind kind, String kindLabel, String title, String body, Agency agency, RegionCode jurisdiction,
                     String unitName, String submittedBy, Instant submittedAt) {
}
