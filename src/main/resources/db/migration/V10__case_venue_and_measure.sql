-- What a case is and what is being done about it, for the lists and the case page (docs/decisions/018).
-- UNREGISTERED_VENUE: rated as a venue operating without registration (未经登记从事养老服务), disposed of by the
-- venue rules (督促办理登记 / 责令退还资金 and hand-over) unless red. NULL until the first rating.
ALTER TABLE EG_CASE ADD COLUMN UNREGISTERED_VENUE BOOLEAN;
-- The measure most recently begun (a task's "measure" property, e.g. REFUND_ORDER) and the task's name
-- (责令退还资金); cleared when the case is rated again and when it is closed.
ALTER TABLE EG_CASE ADD COLUMN CURRENT_MEASURE VARCHAR(64);
ALTER TABLE EG_CASE ADD COLUMN CURRENT_MEASURE_NAME VARCHAR(200);

-- Cases rated before this version: the venue's registration as verification last recorded it.
UPDATE EG_CASE SET UNREGISTERED_VENUE = NOT (SELECT I.REGISTERED FROM EG_INSTITUTION I WHERE I.ID = EG_CASE.INSTITUTION_ID)
 WHERE RISK_LEVEL IS NOT NULL;
