-- Every index of ours serves a query of the application, named beside it in its migration or below for the
-- ones V3 and V4 created without a note (a migration once applied cannot change). An index that serves no
-- query still costs on every insert (each lead inserts a case), so those are dropped; a feature that needs
-- one adds it with its query.
--
-- Notes for V3 and V4:
--   EG_IDX_LEAD_CASE          LeadFeedback: the status and feedback of all leads of a case, set at
--                             verification and close-out (what the tipster sees).
--   EG_IDX_RATING_CASE        RatingRecords: a case's ratings in order.
--   EG_IDX_CASE_EVENT_CASE    CaseTimeline: a case's timeline in order, and its refund totals.
--   EG_IDX_CASE_LIST          CaseRepository.page: the three lists of a jurisdiction subtree (docs/domain.md §6.12).
--   EG_IDX_CASE_INSTITUTION, EG_IDX_VERIFICATION_CASE
--                             back the foreign keys EG_CASE -> EG_INSTITUTION and EG_VERIFICATION -> EG_CASE
--                             (H2 requires an index per foreign key; PostgreSQL uses them for the keys' checks).

-- RatingRecords.upwardReports: a case's upward reports in order (the case page). It had no index.
CREATE INDEX EG_IDX_UPWARD_REPORT_CASE ON EG_UPWARD_REPORT (CASE_ID, ID);

-- No query reads cases by region alone (the lists use EG_IDX_CASE_LIST) or upward reports by recipient.
DROP INDEX EG_IDX_CASE_REGION;
DROP INDEX EG_IDX_UPWARD_REPORT_RECIPIENT;
