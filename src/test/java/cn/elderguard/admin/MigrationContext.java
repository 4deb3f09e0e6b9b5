package cn.elderguard.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.TestPropertySource;

/**
 * The migration tests' own application and database (ElderGuardTest plus this): they deploy more versions of
 * LeadDisposal, which must not become the version other tests start their cases on. They run in a JVM of their own
 * (tag {@value #OWN_JVM}, pom.xml): Camunda's engine registry is one per JVM, and a second application in the same JVM
 * would take over the first one's engine REST logins.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "elderguard.test.context=migration")
@Tag(MigrationContext.OWN_JVM)
@interface MigrationContext {

    String OWN_JVM = "own-jvm";
}
