-- Supervisors read tasks and cases through the engine's tenant check, no longer through rows per task and level
-- (docs/decisions/045). Cases started before have no tenant, and a row without a tenant passes every tenant check:
-- every supervisor would read them. So the running rows get the tenants the engine gives new ones. A case (process
-- instance) is in the tenant of its jurisdiction, a called process in its caller's, a task in that of the unit it is
-- offered to (its deepest candidate group's jurisdiction); a village's work is in its town's tenant. History keeps
-- the tenant it was written with. Nothing to do on a new installation.

-- Cases and campaigns: the tenant of the process instance's jurisdiction variable, for all its executions.
UPDATE ACT_RU_EXECUTION E SET TENANT_ID_ = (
    SELECT V.TEXT_ FROM ACT_RU_VARIABLE V
    WHERE V.EXECUTION_ID_ = E.PROC_INST_ID_ AND V.TASK_ID_ IS NULL AND V.NAME_ = 'jurisdiction')
WHERE E.TENANT_ID_ IS NULL
  AND E.PROC_INST_ID_ IN (SELECT P.ID_ FROM ACT_RU_EXECUTION P WHERE P.ID_ = P.PROC_INST_ID_ AND P.SUPER_EXEC_ IS NULL);

-- Called processes (hand-overs): their caller's tenant.
UPDATE ACT_RU_EXECUTION E SET TENANT_ID_ = (
    SELECT S.TENANT_ID_ FROM ACT_RU_EXECUTION P JOIN ACT_RU_EXECUTION S ON S.ID_ = P.SUPER_EXEC_
    WHERE P.ID_ = E.PROC_INST_ID_)
WHERE E.TENANT_ID_ IS NULL
  AND E.PROC_INST_ID_ IN (SELECT P.ID_ FROM ACT_RU_EXECUTION P WHERE P.ID_ = P.PROC_INST_ID_ AND P.SUPER_EXEC_ IS NOT NULL);

-- Tasks: the jurisdiction of the deepest candidate group (unit groups end in the 12-digit code, leaders' in -LEADER;
-- the routed unit's code is the largest of one chain), else their case's tenant.
UPDATE ACT_RU_TASK T SET TENANT_ID_ = COALESCE(
    (SELECT MAX(CASE WHEN I.GROUP_ID_ LIKE '%-LEADER' THEN SUBSTRING(I.GROUP_ID_ FROM CHAR_LENGTH(I.GROUP_ID_) - 18 FOR 12)
                     ELSE SUBSTRING(I.GROUP_ID_ FROM CHAR_LENGTH(I.GROUP_ID_) - 11 FOR 12) END)
     FROM ACT_RU_IDENTITYLINK I
     WHERE I.TASK_ID_ = T.ID_ AND I.TYPE_ = 'candidate'
       AND (I.GROUP_ID_ LIKE '%-____________' OR I.GROUP_ID_ LIKE '%-____________-LEADER')),
    (SELECT E.TENANT_ID_ FROM ACT_RU_EXECUTION E WHERE E.ID_ = T.PROC_INST_ID_))
WHERE T.TENANT_ID_ IS NULL AND T.PROC_INST_ID_ IS NOT NULL;

-- A village's work is in its town's tenant (tenants are jurisdictions at town level and above).
UPDATE ACT_RU_EXECUTION SET TENANT_ID_ = SUBSTRING(TENANT_ID_ FROM 1 FOR 9) || '000'
WHERE CHAR_LENGTH(TENANT_ID_) = 12 AND SUBSTRING(TENANT_ID_ FROM 10 FOR 3) <> '000';
UPDATE ACT_RU_TASK SET TENANT_ID_ = SUBSTRING(TENANT_ID_ FROM 1 FOR 9) || '000'
WHERE CHAR_LENGTH(TENANT_ID_) = 12 AND SUBSTRING(TENANT_ID_ FROM 10 FOR 3) <> '000';

-- What belongs to a task or an execution follows it, as the engine does for new rows.
UPDATE ACT_RU_IDENTITYLINK I SET TENANT_ID_ = (SELECT T.TENANT_ID_ FROM ACT_RU_TASK T WHERE T.ID_ = I.TASK_ID_)
WHERE I.TENANT_ID_ IS NULL AND I.TASK_ID_ IS NOT NULL;
UPDATE ACT_RU_VARIABLE V SET TENANT_ID_ = COALESCE(
    (SELECT T.TENANT_ID_ FROM ACT_RU_TASK T WHERE T.ID_ = V.TASK_ID_),
    (SELECT E.TENANT_ID_ FROM ACT_RU_EXECUTION E WHERE E.ID_ = V.EXECUTION_ID_))
WHERE V.TENANT_ID_ IS NULL AND V.EXECUTION_ID_ IS NOT NULL;
UPDATE ACT_RU_JOB J SET TENANT_ID_ = (SELECT E.TENANT_ID_ FROM ACT_RU_EXECUTION E WHERE E.ID_ = J.PROCESS_INSTANCE_ID_)
WHERE J.TENANT_ID_ IS NULL AND J.PROCESS_INSTANCE_ID_ IS NOT NULL;
UPDATE ACT_RU_EVENT_SUBSCR S SET TENANT_ID_ = (SELECT E.TENANT_ID_ FROM ACT_RU_EXECUTION E WHERE E.ID_ = S.PROC_INST_ID_)
WHERE S.TENANT_ID_ IS NULL AND S.PROC_INST_ID_ IS NOT NULL;
UPDATE ACT_RU_INCIDENT N SET TENANT_ID_ = (SELECT E.TENANT_ID_ FROM ACT_RU_EXECUTION E WHERE E.ID_ = N.PROC_INST_ID_)
WHERE N.TENANT_ID_ IS NULL AND N.PROC_INST_ID_ IS NOT NULL;
UPDATE ACT_RU_EXT_TASK X SET TENANT_ID_ = (SELECT E.TENANT_ID_ FROM ACT_RU_EXECUTION E WHERE E.ID_ = X.PROC_INST_ID_)
WHERE X.TENANT_ID_ IS NULL AND X.PROC_INST_ID_ IS NOT NULL;
