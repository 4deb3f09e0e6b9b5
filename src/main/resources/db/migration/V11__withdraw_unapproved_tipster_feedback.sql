-- Tipsters used to read the verifying officer's free text as soon as the verification was recorded. Free
-- text now reaches them only as their unit leader approved it at sign-off (docs/tracking.md), so leads still
-- at 已核查 show the fixed text of that status again; the officer's proposal stays with the case for the
-- leader's sign-off. (The text equals LeadFeedback.DEFAULT_VERIFIED.)
UPDATE EG_LEAD SET FEEDBACK = '您反映的线索已核查，有关部门正在依法处置。' WHERE STATUS = 'VERIFIED';
