package cn.elderguard.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.elderguard.system.DatabaseConnectionFailureAnalyzer;

/** Tells whoever started the application where to open it and how to log in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
    static final String DEMO_ADMIN_PASSWORD = "admin";

    private final String adminId;
    private final String adminPassword;
    private final String databaseUrl;
    private final boolean demo;
    private final OrganisationRepository organisation;
    private final String mailMode;

    StartupBanner(@Value("${elderguard.mail.mode}") String mailMode,
                  @Value("${camunda.bpm.admin-user.id}") String adminId,
                  @Value("${camunda.bpm.admin-user.password}") String adminPassword,
                  @Value("${spring.datasource.url}") String databaseUrl,
                  @Value("${elderguard.demo.enabled:false}") boolean demo,
                  OrganisationRepository organisation) {
        this.adminId = adminId;
        this.adminPassword = adminPassword;
        this.databaseUrl = databaseUrl;
        this.demo = demo;
        this.organisation = organisation;
        this.mailMode = mailMode;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        log.info("""

            ElderGuard is ready ({}).
              Webapps (Tasklist, Cockpit, Admin): {}/camunda/app/
              Engine REST API (Camunda Modeler):  {}/engine-rest
              Administrator: '{}'.""",
            DatabaseConnectionFailureAnalyzer.sanitize(databaseUrl), base, base, adminId);
        if (demo) {
            log.info("Demo logins (password 'demo'), by unit:{}", demoLogins());
        }
        if ("log".equals(mailMode)) {
            log.info("Mail is written to this log, not sent (elderguard.mail.mode=log). Set EG_MAIL_MODE=smtp and"
                + " MAIL_HOST/MAIL_PORT to send it.");
        }
        if (DEMO_ADMIN_PASSWORD.equals(adminPassword)) {
            log.warn("The admin password is the demo default '{}'. Set EG_ADMIN_PASSWORD before the first start"
                + " of any real installation.", DEMO_ADMIN_PASSWORD);
        }
    }

    private String demoLogins() {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        organisation.peopleWithUnitNames(100).forEach(entry -> byUnit
            .computeIfAbsent(entry.getValue(), unit -> new ArrayList<>())
            .add(entry.getKey().userId() + "（" + entry.getKey().role().label() + "）"));
        StringBuilder lines = new StringBuilder();
        byUnit.forEach((unit, users) -> lines.append(System.lineSeparator()).append("  ").append(unit).append(": ")
            .append(String.join(", ", users)));
        return lines.toString();
    }
}
