// French (the seed's language) and English: the browser's language picks one, the switch changes it.
// Amounts and dates go through Intl, so each currency keeps its own minor digits (JPY has none).

import { labels, messages } from './messages.js';

const LANGUAGES = ['fr', 'en'];
let language = 'en';

export function chooseLanguage(requested, browserLanguages) {
  if (LANGUAGES.includes(requested)) return requested;
  const first = (browserLanguages ?? []).map((l) => l.slice(0, 2).toLowerCase()).find((l) => LANGUAGES.includes(l));
  return first ?? 'en';
}

export function setLanguage(value) {
  language = value;
  document.documentElement.lang = value;
}

export function currentLanguage() {
  return language;
}

export function t(key, params = {}) {
  const text = messages[language][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

export function label(kind, value) {
  return labels[language][kind]?.[value] ?? value;
}

/** A decimal string ("60.00", "3000") in its currency: Intl formats strings exactly, never through a float. */
export function money(amount, currency) {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
}

/** A day of the account's calendar ("2026-02-09"): shown as that day, whatever the browser's zone. */
export function day(isoDate) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function instant(iso) {
  if (!iso) return '';
  const fields = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' };
  return new Intl.DateTimeFormat(language, { ...fields, timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso));
}

export function duration(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const nf = new Intl.NumberFormat(language, { minimumIntegerDigits: 2 });
  return t('time.minutes', { m: Math.floor(seconds / 60), s: nf.format(seconds % 60) });
}

/** Translates every element marked data-i18n (its text) or data-i18n-label (its aria-label). */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.title = t('title');
}
