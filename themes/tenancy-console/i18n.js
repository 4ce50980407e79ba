// English and German. Every module adds its own messages with addMessages(); t() falls back to English.

const LOCALES = ['en', 'de'];
const catalogues = { en: {}, de: {} };
let current = pick();

export function addMessages(messages) {
  for (const locale of LOCALES) {
    Object.assign(catalogues[locale], messages[locale] ?? {});
  }
}

export function locale() {
  return current;
}

export function locales() {
  return LOCALES;
}

export function setLocale(next) {
  if (LOCALES.includes(next)) {
    current = next;
    document.documentElement.lang = next;
    try {
      localStorage.setItem('tenancy-console.locale', next);
    } catch (e) {
      // storage may be off; the choice then lasts for this page
    }
  }
}

/** The message {@code key} in the current language, with {name} placeholders filled from {@code params}. */
export function t(key, params = {}) {
  const text = catalogues[current][key] ?? catalogues.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function formatDate(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const date = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value)
    : new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function pick() {
  let stored = null;
  try {
    stored = localStorage.getItem('tenancy-console.locale');
  } catch (e) {
    stored = null;
  }
  if (LOCALES.includes(stored)) {
    return stored;
  }
  const preferred = (navigator.languages ?? [navigator.language]).map((tag) => String(tag).slice(0, 2).toLowerCase());
  return preferred.find((tag) => LOCALES.includes(tag)) ?? 'en';
}

addMessages({
  en: {
    'app.title': 'Tenancy console',
    'app.loading': 'Loading…',
    'app.signOut': 'Sign out',
    'app.language': 'Language',
    'app.tenant': 'Tenant',
    'app.menu': 'Menu',
    'app.skip': 'Skip to content',
    'app.signInFailed': 'Signing in failed: {reason}. Reload the page to try again.',
    'app.sessionEnded': 'Your session has ended. Sign in again.',
    'app.signInAgain': 'Sign in again',
    'app.noTenants.title': 'You are not a member of any tenant yet',
    'app.noTenants.body': 'Ask an admin of your organization to invite you; the link in the invitation brings you here.',
    'nav.tenant': 'This tenant',
    'nav.realm': 'Realm administration',
    'nav.members': 'Members',
    'nav.invitations': 'Invitations',
    'nav.apiKeys': 'API keys',
    'nav.credentials': 'Credentials',
    'nav.modules': 'Modules',
    'nav.domains': 'Domains',
    'nav.leave': 'Leave tenant',
    'nav.tenants': 'Tenants',
    'nav.config': 'Configuration',
    'nav.keys': 'Encryption keys',
    'common.cancel': 'Cancel',
    'common.close': 'Close',
    'common.save': 'Save',
    'common.create': 'Create',
    'common.delete': 'Delete',
    'common.edit': 'Edit',
    'common.revoke': 'Revoke',
    'common.search': 'Search',
    'common.actions': 'Actions',
    'common.copy': 'Copy',
    'common.copied': 'Copied',
    'common.copyByHand': 'Could not copy: the text is selected, copy it with Ctrl+C.',
    'alert.danger': 'Error',
    'alert.warning': 'Warning',
    'alert.success': 'Success',
    'alert.info': 'Information',
    'common.required': 'required',
    'common.retry': 'Try again',
    'common.loadFailed': 'This could not be loaded.',
    'common.none': 'none',
    'common.more': 'Show more',
    'error.0': 'The server cannot be reached. Check your connection and try again.',
    'error.400': 'The input was not accepted.',
    'error.401': 'Your session has ended. Sign in again.',
    'error.403': 'You are not allowed to do this.',
    'error.404': 'This no longer exists. It may have been removed by someone else.',
    'error.409': 'This conflicts with the current state. Reload and try again.',
    'error.429': 'Too many requests. Try again later.',
    'error.503': 'The server cannot do this now.',
    'error.other': 'The server could not do this (HTTP {status}).',
    'error.retryAfter': 'Try again in {seconds} seconds.',
    'level.none': 'none',
    'level.read': 'read',
    'level.write': 'write',
    'level.admin': 'admin',
  },
  de: {
    'app.title': 'Mandanten-Konsole',
    'app.loading': 'Wird geladen …',
    'app.signOut': 'Abmelden',
    'app.language': 'Sprache',
    'app.tenant': 'Mandant',
    'app.menu': 'Menü',
    'app.skip': 'Zum Inhalt springen',
    'app.signInFailed': 'Die Anmeldung ist fehlgeschlagen: {reason}. Laden Sie die Seite neu, um es erneut zu versuchen.',
    'app.sessionEnded': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
    'app.signInAgain': 'Erneut anmelden',
    'app.noTenants.title': 'Sie sind noch in keinem Mandanten Mitglied',
    'app.noTenants.body': 'Bitten Sie eine Administratorin oder einen Administrator Ihrer Organisation um eine Einladung; der Link darin führt Sie hierher.',
    'nav.tenant': 'Dieser Mandant',
    'nav.realm': 'Realm-Verwaltung',
    'nav.members': 'Mitglieder',
    'nav.invitations': 'Einladungen',
    'nav.apiKeys': 'API-Schlüssel',
    'nav.credentials': 'Zugangsdaten',
    'nav.modules': 'Module',
    'nav.domains': 'Domains',
    'nav.leave': 'Mandant verlassen',
    'nav.tenants': 'Mandanten',
    'nav.config': 'Konfiguration',
    'nav.keys': 'Verschlüsselungsschlüssel',
    'common.cancel': 'Abbrechen',
    'common.close': 'Schließen',
    'common.save': 'Speichern',
    'common.create': 'Anlegen',
    'common.delete': 'Löschen',
    'common.edit': 'Bearbeiten',
    'common.revoke': 'Widerrufen',
    'common.search': 'Suchen',
    'common.actions': 'Aktionen',
    'common.copy': 'Kopieren',
    'common.copied': 'Kopiert',
    'common.copyByHand': 'Kopieren ging nicht: Der Text ist markiert, kopieren Sie ihn mit Strg+C.',
    'alert.danger': 'Fehler',
    'alert.warning': 'Warnung',
    'alert.success': 'Erfolg',
    'alert.info': 'Information',
    'common.required': 'Pflichtfeld',
    'common.retry': 'Erneut versuchen',
    'common.loadFailed': 'Das konnte nicht geladen werden.',
    'common.none': 'keine',
    'common.more': 'Mehr anzeigen',
    'error.0': 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    'error.400': 'Die Eingabe wurde nicht angenommen.',
    'error.401': 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
    'error.403': 'Das dürfen Sie nicht.',
    'error.404': 'Das gibt es nicht mehr. Vielleicht hat es jemand anderes entfernt.',
    'error.409': 'Das widerspricht dem aktuellen Stand. Laden Sie neu und versuchen Sie es erneut.',
    'error.429': 'Zu viele Anfragen. Versuchen Sie es später erneut.',
    'error.503': 'Der Server kann das gerade nicht.',
    'error.other': 'Der Server konnte das nicht ausführen (HTTP {status}).',
    'error.retryAfter': 'Versuchen Sie es in {seconds} Sekunden erneut.',
    'level.none': 'keine',
    'level.read': 'lesen',
    'level.write': 'schreiben',
    'level.admin': 'verwalten',
  },
});
