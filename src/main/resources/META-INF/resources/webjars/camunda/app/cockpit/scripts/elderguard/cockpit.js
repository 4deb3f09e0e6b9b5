// ElderGuard (docs/tasklist.md): Cockpit sets the dashboard's page title before its translations have loaded,
// so the browser tab showed the label's key (DASHBOARD_DASHBOARD). Keys left in the title are translated here.
// Registered in ../config.js (customScripts).
import {chinese} from '../../../elderguard-locale.js';

const KEY = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

async function translateTitle() {
  const response = await fetch(new URL('../../locales/zh.json', import.meta.url));
  const labels = (await response.json()).labels || {};
  const fix = () => {
    const fixed = document.title.replace(KEY, key => labels[key] || key);
    if (fixed !== document.title) {
      document.title = fixed;
    }
  };
  fix();
  new MutationObserver(fix).observe(document.querySelector('title') || document.head, {childList: true, subtree: true, characterData: true});
}

if (chinese) {
  translateTitle().catch(error => console.error(error));
}

export default [];
