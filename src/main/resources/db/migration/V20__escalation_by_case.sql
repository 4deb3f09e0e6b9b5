-- deadline/CaseEscalations.ofCase: every reminder and escalation step of one case's tasks, oldest first (the case
-- timeline, docs/console.md "Case timeline"). EG_ESCALATION had no index on CASE_ID: a full scan per case file.
CREATE INDEX EG_IDX_ESCALATION_CASE ON EG_ESCALATION (CASE_ID, RECORDED_AT);
