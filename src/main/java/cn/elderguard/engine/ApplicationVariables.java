package cn.elderguard.engine;

import java.util.Set;

/**
 * Process variables the application's code sets (at start, in delegates and listeners), which models may read
 * although no form has them. Capabilities declare them where the names already live, e.g. the process backing
 * class; rule fields-from-forms ({@link FieldsFromForms}) accepts them.
 */
public interface ApplicationVariables {

    Set<String> setByApplication();
}
