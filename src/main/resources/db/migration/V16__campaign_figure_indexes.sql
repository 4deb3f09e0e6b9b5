-- The campaign figures (docs/campaigns.md, "Figures and the summary report"): counts over a jurisdiction subtree and a
-- time window, each through one of these indexes.

-- lead/CaseFigures: leads by source, the cases they joined by colour, sector and region (subtree range, then time).
CREATE INDEX EG_IDX_LEAD_REGION_RECEIVED ON EG_LEAD (REGION_CODE, RECEIVED_AT);

-- lead/CaseFigures: refund tranches (MEASURE) and hand-overs to the police (HANDED_OVER) recorded in the window.
CREATE INDEX EG_IDX_CASE_EVENT_KIND_TIME ON EG_CASE_EVENT (KIND, OCCURRED_AT);

-- campaign/CampaignTallies: a unit's publicity and pledges by date, across campaigns (the per-campaign totals use
-- EG_IDX_PUBLICITY_UNIT and EG_IDX_PLEDGE_UNIT).
CREATE INDEX EG_IDX_PUBLICITY_REGION_HELD ON EG_PUBLICITY (REGION_CODE, HELD_ON);
CREATE INDEX EG_IDX_PLEDGE_REGION_SIGNED ON EG_PLEDGE (REGION_CODE, SIGNED_ON);
