package cn.elderguard.lead;

/** The list a case is on (排查清单 / 整改清单 / 销号清单, docs/domain.md §6.12). */
public enum CaseList {
    SCREENING,
    RECTIFICATION,
    CLOSE_OUT
}
