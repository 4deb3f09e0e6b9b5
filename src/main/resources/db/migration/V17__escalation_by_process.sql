-- deadline/Escalations.countByUnit: the escalation steps recorded on the tasks of one process instance, per unit (a
-- campaign's assessment, docs/assessment.md). The deadlines of one process instance were found by a full scan;
-- EG_ESCALATION joins on TASK_ID through its unique (TASK_ID, STEP) index.
CREATE INDEX EG_IDX_TASK_DEADLINE_PROCESS ON EG_TASK_DEADLINE (PROCESS_INSTANCE_ID);
