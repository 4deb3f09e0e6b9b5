'use strict';

// The rules carry the ids of docs/modeler.md's rule table; the Java deployment gate uses the same ids
// and remains the authority (docs/decisions/026). These give the same verdict early, in the build and
// to anyone running `npm run lint:bpmn`.
const rules = {
  'element-ids': './rules/element-ids',
  'history-time-to-live': './rules/history-time-to-live',
  'user-task-form': './rules/user-task-form',
  'user-task-routing': './rules/user-task-routing',
  'expression-allowlist': './rules/expression-allowlist',
  'no-scripts': './rules/no-scripts'
};

module.exports = {
  rules,
  configs: {
    recommended: {
      rules: Object.fromEntries(Object.keys(rules).map(id => [ id, 'error' ]))
    }
  }
};
