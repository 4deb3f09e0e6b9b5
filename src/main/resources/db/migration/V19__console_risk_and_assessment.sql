-- The console's risk ledger and unit assessment (docs/console.md): each index below names the query it serves.

-- lead/RiskLedger.summary: open cases by colour per child jurisdiction and every case by list, for a region-code range,
-- optionally one responsible agency, in one grouped query that reads only this index.
CREATE INDEX EG_IDX_CASE_RISK_SCOPE ON EG_CASE (REGION_CODE, STATUS, CASE_LIST, RISK_LEVEL, RESPONSIBLE_AGENCY);

-- lead/RiskLedger.page and count: the cases of one list and colour in a region-code range, in (REGION_CODE, ID) order
-- (one list without a colour uses EG_IDX_CASE_LIST).
CREATE INDEX EG_IDX_CASE_LIST_LEVEL ON EG_CASE (CASE_LIST, RISK_LEVEL, REGION_CODE, ID);

-- lead/RiskLedger.keyLeads and countKeyLeads: open orange and red cases in a region-code range (the key-lead ledger).
CREATE INDEX EG_IDX_CASE_KEY_LEAD ON EG_CASE (STATUS, RISK_LEVEL, REGION_CODE, PRIORITY, ID);

-- deadline/CaseDueDates.earliestOpenDue: the open tasks of a page of cases, earliest due first.
CREATE INDEX EG_IDX_TASK_DEADLINE_CASE ON EG_TASK_DEADLINE (CASE_ID, COMPLETED_AT, DUE_AT);

-- deadline/UnitPunctuality.tasks: tasks due in a period (a range on DUE_AT) per unit of a region-code range, read from
-- this index alone (completed on time, late, open and overdue). EG_IDX_TASK_DEADLINE_UNIT leads with the unit and
-- serves one unit's period; a subtree's period needs the due date first.
CREATE INDEX EG_IDX_TASK_DEADLINE_DUE ON EG_TASK_DEADLINE (DUE_AT, REGION_CODE, AGENCY, COMPLETED_AT);

-- deadline/UnitPunctuality.escalations: escalation steps recorded in a period per unit of a region-code range, served by
-- EG_IDX_ESCALATION_RECORDED (RECORDED_AT, REGION_CODE, AGENCY, KIND), which V18 creates for the deadline console.

-- campaign/DutyPunctuality.byUnit: campaign duties due in a period per unit of a region-code range, across campaigns.
CREATE INDEX EG_IDX_CAMPAIGN_DUTY_DUE ON EG_CAMPAIGN_DUTY (DUE_AT, REGION_CODE, AGENCY, KIND, FILED_AT);
