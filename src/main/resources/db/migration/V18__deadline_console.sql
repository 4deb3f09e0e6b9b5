-- The console's deadline views (docs/console.md, "Deadlines"): a task is ESCALATED while open with at least one
-- escalation step taken. NEXT_STEP says what comes next, not what was taken (it is -1 after the last step and a
-- moved due date keeps the steps taken), so the deadline row records the highest escalation step taken and the group
-- that step offered the task to; TaskDeadlines.takeNextStep sets both.
ALTER TABLE EG_TASK_DEADLINE ADD COLUMN ESCALATION_STEP INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE EG_TASK_DEADLINE ADD COLUMN ESCALATED_TO VARCHAR(64);

-- Backfill from the ledger: the highest ESCALATION step of each task and its group.
UPDATE EG_TASK_DEADLINE SET
    ESCALATION_STEP = (SELECT MAX(E.STEP) FROM EG_ESCALATION E WHERE E.TASK_ID = EG_TASK_DEADLINE.TASK_ID AND E.KIND = 'ESCALATION'),
    ESCALATED_TO = (SELECT E.ESCALATED_TO FROM EG_ESCALATION E WHERE E.TASK_ID = EG_TASK_DEADLINE.TASK_ID AND E.KIND = 'ESCALATION'
        AND E.STEP = (SELECT MAX(M.STEP) FROM EG_ESCALATION M WHERE M.TASK_ID = EG_TASK_DEADLINE.TASK_ID AND M.KIND = 'ESCALATION'))
WHERE EXISTS (SELECT 1 FROM EG_ESCALATION E WHERE E.TASK_ID = EG_TASK_DEADLINE.TASK_ID AND E.KIND = 'ESCALATION');

-- deadline/DeadlineBoard, every open-task figure and list of a jurisdiction subtree: counts per unit and per task type
-- (COMPLETED_AT IS NULL, then the REGION_CODE range; the other columns make the counts index-only scans), the trend's
-- tasks still open at each week's end (DUE_AT), a list's total and, for a small subtree, its page (sorted by DUE_AT,
-- TASK_ID from the index alone); and the trend's tasks completed in the last twelve weeks (a COMPLETED_AT range, then
-- REGION_CODE, DUE_AT for "late"). One index serves both: open rows are its NULL section, completed ones its range.
CREATE INDEX EG_IDX_TASK_DEADLINE_BOARD ON EG_TASK_DEADLINE
    (COMPLETED_AT, REGION_CODE, AGENCY, DUE_AT, ESCALATION_STEP, PROCESS_KEY, TASK_KEY, TASK_NAME, TASK_ID, CREATED_AT);

-- deadline/DeadlineBoard.tasks for a large subtree (a province): open tasks walked in the list's order (COMPLETED_AT, DUE_AT, TASK_ID),
-- the DUE_AT range of OVERDUE / DUE_SOON first, the subtree and filters checked in the index, so a page stops early
-- instead of sorting every open task of the province.
CREATE INDEX EG_IDX_TASK_DEADLINE_DUE_ORDER ON EG_TASK_DEADLINE
    (COMPLETED_AT, DUE_AT, TASK_ID, REGION_CODE, AGENCY, ESCALATION_STEP, TASK_KEY);

-- deadline/DeadlineBoard.trend: tasks created in each of the last twelve weeks in the subtree (a CREATED_AT range).
CREATE INDEX EG_IDX_TASK_DEADLINE_CREATED ON EG_TASK_DEADLINE (CREATED_AT, REGION_CODE, AGENCY);

-- deadline/DeadlineBoard: escalation steps recorded in the last 7 / 30 days in the subtree (the summary's counts) and
-- the page of those records, newest first (a RECORDED_AT range, then the subtree and kind within it).
CREATE INDEX EG_IDX_ESCALATION_RECORDED ON EG_ESCALATION (RECORDED_AT, REGION_CODE, AGENCY, KIND);

-- The digest's per-unit counts (OpenDeadlines) and the unit's overdue tasks still use EG_IDX_TASK_DEADLINE_UNIT.
