package cn.elderguard.lead;

/** The list a case is on (排查清单 / 整改清单 / 销号清单, docs/rules.md §4). */
public enum CaseList {
    SCREENING,
    RECTIFICATION,
    CLOSE_OUT
}
