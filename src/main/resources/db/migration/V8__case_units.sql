-- The units a case's tasks were ever offered to (its sector unit, the police unit it was handed to, the 处非办
-- of another county that co-investigates …): their people may read the case file (docs/security.md). One row
-- per case and unit, written when a task is routed there.
CREATE TABLE EG_CASE_UNIT (
    AGENCY                     VARCHAR(32)    NOT NULL,
    REGION_CODE                VARCHAR(12)    NOT NULL,
    CASE_ID                    BIGINT         NOT NULL REFERENCES EG_CASE (ID),
    -- Serves CaseAccess.mayRead (agency, region, case) and CaseRepository.pageForUnit (a unit's cases by id).
    CONSTRAINT EG_PK_CASE_UNIT PRIMARY KEY (AGENCY, REGION_CODE, CASE_ID)
);
