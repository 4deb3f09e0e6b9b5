// ElderGuard: the webapps speak Simplified Chinese whatever the browser's language. Adding ?locale=en
// (or ?locale=zh) to any webapp address switches the language; the choice is remembered in this browser.
// Only the chosen locale is offered to the app, because Camunda otherwise picks the browser's language.
const STORAGE_KEY = 'elderguard.locale';
const SUPPORTED = ['zh', 'en'];
const DEFAULT_LOCALE = 'zh';

const requested = new URLSearchParams(window.location.search).get('locale');
if (SUPPORTED.includes(requested)) {
  window.localStorage.setItem(STORAGE_KEY, requested);
}
const stored = window.localStorage.getItem(STORAGE_KEY);
const chosen = SUPPORTED.includes(stored) ? stored : DEFAULT_LOCALE;

export const locales = {availableLocales: [chosen], fallbackLocale: chosen};

// moment.js format tokens; the zh locale files define them as 2026-11-23 / 2026年11月23日 14:30.
export const dateFormat = {
  monthName: 'MMMM',
  day: 'DD',
  abbr: 'lll',
  normal: 'LLL',
  long: 'LLLL',
  short: 'L'
};

export const chinese = chosen === 'zh';
