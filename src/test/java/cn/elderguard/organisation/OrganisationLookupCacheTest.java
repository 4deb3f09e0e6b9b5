package cn.elderguard.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.support.DemoOrganisation;
import cn.elderguard.support.ElderGuardTest;

/**
 * The organisation look-ups kept in memory (decision 014): another node's import — its rows and the raised
 * version, committed together — is seen from this node's next transaction on, and not before.
 */
@ElderGuardTest
class OrganisationLookupCacheTest {

    private static final UnitKey UNIT = new UnitKey(Agency.MARKET_REGULATION, RegionCode.of(DemoOrganisation.CHENGGUAN));

    @Autowired
    OrganisationRepository organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anotherNodesImportIsSeenFromTheNextTransactionOn() {
        String original = unitName();
        try {
            transaction.executeWithoutResult(status -> {
                assertThat(unitName()).isEqualTo(original);
                // Another node imports, while this transaction is under way.
                rename("城关市场监管所（新）");
                assertThat(unitName()).as("a transaction keeps the version it started with").isEqualTo(original);
            });
            assertThat(unitName()).as("the next transaction sees the import").isEqualTo("城关市场监管所（新）");

            jdbc.sql("UPDATE EG_UNIT SET NAME = ? WHERE AGENCY = ? AND REGION_CODE = ?")
                .params("未经导入的改名", UNIT.agency().name(), UNIT.region().value()).update();
            assertThat(unitName()).as("a change made without an import (and its version) is not seen")
                .isEqualTo("城关市场监管所（新）");
        } finally {
            rename(original);
        }
        assertThat(unitName()).isEqualTo(original);
    }

    private String unitName() {
        return transaction.execute(status -> organisation.unit(UNIT).orElseThrow().name());
    }

    /** What an import on another node commits: the row and a raised version, in a transaction of its own. */
    private void rename(String name) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transaction.getTransactionManager());
        ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE EG_UNIT SET NAME = ? WHERE AGENCY = ? AND REGION_CODE = ?")
                .params(name, UNIT.agency().name(), UNIT.region().value()).update();
            jdbc.sql("UPDATE EG_ORGANISATION_VERSION SET VERSION = VERSION + 1 WHERE ID = 1").update();
        });
    }
}
