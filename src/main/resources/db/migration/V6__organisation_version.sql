-- One row, raised by every organisation import in its own transaction. OrganisationRepository keeps its
-- look-ups in memory and reads this number once per transaction: a node sees another node's import from
-- its next transaction on (docs/decisions/014-organisation-lookups-cached.md).
CREATE TABLE EG_ORGANISATION_VERSION (
    ID                          INT            PRIMARY KEY,
    VERSION                     BIGINT         NOT NULL
);

INSERT INTO EG_ORGANISATION_VERSION (ID, VERSION) VALUES (1, 0);
