-- deadline/KeptWeeks: finished weeks' figures, kept per unit once settled (docs/console.md "Weekly trend",
-- docs/decisions/041): the trend's (created, completed, completed late, overdue at the week's end) and the unit
-- assessment's (tasks due in the week, those done by their due moment). A province's dashboard and assessment add up a
-- few thousand kept rows instead of scanning months of deadlines. EG_DEADLINE_WEEK_KEPT says which weeks are kept (a
-- week where no unit had work has no figure rows).
CREATE TABLE EG_DEADLINE_WEEK_KEPT (
    WEEK_START                  DATE           PRIMARY KEY,
    KEPT_AT                     TIMESTAMP      NOT NULL
);

CREATE TABLE EG_DEADLINE_WEEK (
    WEEK_START                  DATE           NOT NULL,
    REGION_CODE                 VARCHAR(12)    NOT NULL,
    AGENCY                      VARCHAR(32),
    CREATED                     BIGINT         NOT NULL,
    COMPLETED                   BIGINT         NOT NULL,
    COMPLETED_LATE              BIGINT         NOT NULL,
    OVERDUE_AT_END              BIGINT         NOT NULL,
    DUE                         BIGINT         NOT NULL,
    DUE_ON_TIME                 BIGINT         NOT NULL
);
-- A scope's kept weeks: the week, then the subtree's region range; the figures make it an index-only read.
CREATE INDEX EG_IDX_DEADLINE_WEEK ON EG_DEADLINE_WEEK
    (WEEK_START, REGION_CODE, AGENCY, CREATED, COMPLETED, COMPLETED_LATE, OVERDUE_AT_END, DUE, DUE_ON_TIME);

-- Keeping a week and dropping kept weeks (a write reaching back into them) lock this one row, so they take turns.
CREATE TABLE EG_DEADLINE_WEEK_LOCK (
    ID                          INTEGER        PRIMARY KEY
);
INSERT INTO EG_DEADLINE_WEEK_LOCK (ID) VALUES (1);
