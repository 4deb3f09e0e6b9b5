-- Migrations of running cases to another version of their model (docs/modeler.md): who moved which cases from
-- which version to which, as one engine batch. The batch itself lives in the engine's tables; these rows keep
-- what the batch does not: the instances it was given, those left out with the reason, and the administrator.
CREATE TABLE EG_MIGRATION (
    BATCH_ID                    VARCHAR(64)    PRIMARY KEY,
    PROCESS_KEY                 VARCHAR(255)   NOT NULL,
    SOURCE_DEFINITION_ID        VARCHAR(64)    NOT NULL,
    TARGET_DEFINITION_ID        VARCHAR(64)    NOT NULL,
    SOURCE_VERSION              INTEGER        NOT NULL,
    TARGET_VERSION              INTEGER        NOT NULL,
    -- The mapping as "source→target" pairs, one a line.
    INSTRUCTIONS                VARCHAR(20000) NOT NULL,
    STARTED_BY                  VARCHAR(64),
    STARTED_AT                  TIMESTAMP      NOT NULL
);
CREATE INDEX EG_IDX_MIGRATION_STARTED ON EG_MIGRATION (STARTED_AT);

-- One row per process instance the administrator chose; SKIPPED_REASON set when the dry run found it could not map.
CREATE TABLE EG_MIGRATION_INSTANCE (
    BATCH_ID                    VARCHAR(64)    NOT NULL REFERENCES EG_MIGRATION (BATCH_ID),
    PROCESS_INSTANCE_ID         VARCHAR(64)    NOT NULL,
    BUSINESS_KEY                VARCHAR(255),
    SKIPPED_REASON              VARCHAR(2000),
    CONSTRAINT EG_PK_MIGRATION_INSTANCE PRIMARY KEY (BATCH_ID, PROCESS_INSTANCE_ID)
);
-- The timeline entry of a migrated case finds its migration by instance.
CREATE INDEX EG_IDX_MIGRATION_INSTANCE_PI ON EG_MIGRATION_INSTANCE (PROCESS_INSTANCE_ID);
