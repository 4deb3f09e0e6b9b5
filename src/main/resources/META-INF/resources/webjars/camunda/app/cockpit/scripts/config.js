// ElderGuard overrides the webjar's cockpit/scripts/config.js; see ../../elderguard-locale.js.
import {locales, dateFormat, chinese} from '../../elderguard-locale.js';

export default {
  app: {name: chinese ? '流程监控' : 'Cockpit', vendor: 'ElderGuard'},
  locales,
  dateFormat,
  // ElderGuard's own scripts, relative to the cockpit app folder (one line each).
  customScripts: [
    'scripts/elderguard/cockpit.js'
  ]
};
