package cn.elderguard.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the first start of a demo installation (default profile) the fictional 示范县 organisation is
 * imported, through the same all-or-nothing import an administrator uses for a real one.
 */
@Component
@ConditionalOnProperty(name = "elderguard.demo.enabled", havingValue = "true")
class DemoOrganisation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final OrganisationImport importer;
    private final JdbcClient jdbc;
    private final Resource file;

    DemoOrganisation(OrganisationImport importer, JdbcClient jdbc,
                     @Value("${elderguard.demo.organisation}") Resource file) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.file = file;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (jdbc.sql("SELECT COUNT(*) FROM EG_JURISDICTION").query(Long.class).single() > 0) {
            return;
        }
        try (InputStream in = file.getInputStream()) {
            log.info("First start: importing the demo organisation {}", file.getFilename());
            importer.importFile(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
