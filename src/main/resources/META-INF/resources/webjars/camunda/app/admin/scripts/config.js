// ElderGuard overrides the webjar's admin/scripts/config.js; see ../../elderguard-locale.js.
import {locales, dateFormat, chinese} from '../../elderguard-locale.js';

export default {
  app: {name: chinese ? '系统管理' : 'Admin', vendor: 'ElderGuard'},
  locales,
  dateFormat
};
