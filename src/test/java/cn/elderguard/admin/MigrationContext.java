package cn.elderguard.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The migration tests' own application and database (ElderGuardTest plus this): they deploy more versions of
 * LeadDisposal, which must not become the version other tests start their cases on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = "elderguard.test.context=migration")
@interface MigrationContext {
}
