// Credentials: the user's own (/me/credentials) and, for members with manage-credentials, the tenant's. The API
// masks every list; a value is read only through reveal, which is audited, and lives in this page's memory only
// while its dialog is open.
import { html, nothing } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, formatDate, t } from '../i18n.js';
import { Page } from './page.js';
import { alert, button, emptyState, errorAlert, field, label, modal, pageHeader, secretOnce, section, select, table,
  textInput } from '../ui.js';

const PAGE_SIZE = 50;
const TYPES = ['API_KEY', 'OAUTH_TOKEN', 'ACCESS_TOKEN', 'SECRET', 'PASSWORD', 'CUSTOM'];
const STATUS_COLOURS = { active: 'green', inactive: 'grey', expired: 'orange' };

export default class CredentialsPage extends Page {
  async load() {
    this.parts = { mine: { path: '/me/credentials', items: [] } };
    if (this.mayManageTenant) {
      this.parts.tenant = { path: `/tenants/${segment(this.params.tenantId)}/credentials`, items: [] };
    }
    this.tab = this.tab ?? 'mine';
    await Promise.all(Object.values(this.parts).map(async (part) => {
      part.items = await this.fetch(part, 0);
      part.more = part.items.length === PAGE_SIZE;
    }));
  }

  get mayManageTenant() {
    return this.app.tenant.permissions.includes('manage-credentials');
  }

  fetch(part, first) {
    const query = new URLSearchParams({ first: String(first), max: String(PAGE_SIZE) });
    return this.app.api.self('GET', `${part.path}?${query}`);
  }

  /** Like act(), and remembers the server's words when the credential store has no key-encryption key (503). */
  async call(key, request) {
    const answer = await this.act(key, request);
    const error = this.error(key);
    if (error?.status === 503) {
      this.unavailable = error.message || t('error.503');
      this.update();
    }
    return answer;
  }

  view() {
    return html`
      ${pageHeader(t('credentials.title'), t('credentials.description'))}
      ${this.unavailable ? section(alert('warning', t('credentials.noKek.title'),
        `${this.unavailable} ${t('credentials.noKek.body')}`, { test: 'no-kek' })) : nothing}
      ${this.parts.tenant ? this.tabs() : section(this.partView('mine'), t('credentials.mine'))}
      ${this.creating ? this.createDialog() : nothing}
      ${this.revealing ? this.revealDialog() : nothing}
      ${this.rotating ? this.rotateDialog() : nothing}
      ${this.deleting ? this.deleteDialog() : nothing}`;
  }

  tabs() {
    const names = ['mine', 'tenant'];
    const choose = (name) => {
      this.tab = name;
      this.update();
      document.getElementById(`credentials-tab-${name}`)?.focus();
    };
    const keys = (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        choose(names[(names.indexOf(this.tab) + 1) % names.length]);
      }
    };
    return html`
      <section class="pf-v5-c-page__main-section pf-m-light">
        <div class="pf-v5-c-tabs">
          <ul class="pf-v5-c-tabs__list" role="tablist" @keydown=${keys}>
            ${names.map((name) => html`
              <li class="pf-v5-c-tabs__item ${this.tab === name ? 'pf-m-current' : ''}" role="presentation">
                <button class="pf-v5-c-tabs__link" type="button" role="tab" id=${`credentials-tab-${name}`}
                  aria-selected=${this.tab === name ? 'true' : 'false'} aria-controls=${`credentials-panel-${name}`}
                  tabindex=${this.tab === name ? '0' : '-1'} data-test=${`tab-${name}`} @click=${() => choose(name)}>
                  <span class="pf-v5-c-tabs__item-text">${t(`credentials.${name}`)}</span>
                </button>
              </li>`)}
          </ul>
        </div>
      </section>
      <section class="pf-v5-c-page__main-section" role="tabpanel" id=${`credentials-panel-${this.tab}`}
               aria-labelledby=${`credentials-tab-${this.tab}`} data-test=${`panel-${this.tab}`}>
        ${this.partView(this.tab)}
      </section>`;
  }

  partView(name) {
    const part = this.parts[name];
    const rows = part.items.map((credential) => [
      html`<span data-test="credential-name">${credential.name}</span>
        ${credential.description ? html`<div class="tc-muted">${credential.description}</div>` : nothing}`,
      credential.provider,
      t(`credentials.type.${credential.type}`),
      html`<code data-test="masked-value">${credential.maskedValue}</code>`,
      html`<span data-test="credential-status">${label(t(`credentials.status.${credential.status}`),
        STATUS_COLOURS[credential.status])}</span>`,
      formatDate(credential.expiresAt),
      formatDate(credential.lastUsedAt),
      this.rowActions(name, credential),
    ]);
    return html`
      ${this.parts.tenant ? nothing : html`<h2 class="pf-v5-c-title pf-m-lg">${t('credentials.mine')}</h2>`}
      <p class="tc-help">${t(`credentials.${name}.help`)}</p>
      <div class="pf-v5-c-toolbar"><div class="pf-v5-c-toolbar__content"><div class="pf-v5-c-toolbar__content-section">
        <div class="pf-v5-c-toolbar__item">
          ${button(t('credentials.create'), () => this.openCreate(name), { variant: 'primary', test: 'create' })}
        </div>
      </div></div></div>
      ${errorAlert(this.error(`list-${name}`))}
      ${part.items.length === 0
        ? emptyState(t(`credentials.${name}.empty.title`), t(`credentials.${name}.empty.body`))
        : table(t(`credentials.${name}`), [t('credentials.name'), t('credentials.provider'), t('credentials.type'),
          t('credentials.value'), t('credentials.status'), t('credentials.expiresAt'), t('credentials.lastUsedAt'),
          t('common.actions')], rows, (index) => `credential-${part.items[index].name}`)}
      ${part.more ? button(t('common.more'), () => this.showMore(name), { variant: 'link', test: 'more' }) : nothing}`;
  }

  rowActions(name, credential) {
    const key = `row-${credential.id}`;
    const busy = this.busy === key;
    return html`<div class="tc-actions">
        ${credential.active ? button(t('credentials.reveal'), () => this.openReveal(name, credential),
          { variant: 'secondary', test: 'reveal' }) : nothing}
        ${button(t('credentials.rotate'), () => this.openRotate(name, credential), { variant: 'link', test: 'rotate' })}
        ${credential.active
          ? button(t('credentials.deactivate'), () => this.setActive(name, credential, false),
            { variant: 'link', test: 'deactivate', disabled: busy })
          : button(t('credentials.activate'), () => this.setActive(name, credential, true),
            { variant: 'link', test: 'activate', disabled: busy })}
        ${button(t('common.delete'), () => { this.deleting = { name, credential }; this.errors = {}; this.update(); },
          { variant: 'link', test: 'delete' })}
      </div>
      ${errorAlert(this.error(key))}`;
  }

  replace(name, saved) {
    const part = this.parts[name];
    part.items = part.items.map((item) => (item.id === saved.id ? saved : item));
  }

  // Create -------------------------------------------------------------------------------------------------------

  openCreate(name) {
    this.creating = { part: name, name: '', provider: '', type: 'API_KEY', description: '', expiresAt: '', ...emptyValue() };
    this.errors = {};
    this.update();
  }

  createDialog() {
    const form = this.creating;
    const close = () => { this.creating = null; this.update(); };
    const set = (key) => (value) => { form[key] = value; };
    return modal(t(`credentials.createTitle.${form.part}`), html`
      <form class="pf-v5-c-form" id="create-credential" @submit=${(e) => { e.preventDefault(); this.create(); }}>
        ${field('credential-name', t('credentials.name'), textInput('credential-name', form.name, set('name'),
          { required: true, test: 'credential-name-input' }), { required: true, helper: t('credentials.name.help') })}
        ${field('credential-provider', t('credentials.provider'), textInput('credential-provider', form.provider,
          set('provider'), { required: true, test: 'credential-provider' }), { required: true, helper: t('credentials.provider.help') })}
        ${field('credential-type', t('credentials.type'), select('credential-type', form.type,
          TYPES.map((type) => [type, t(`credentials.type.${type}`)]), (value) => { form.type = value; this.update(); },
          { test: 'credential-type' }))}
        ${valueFields(form)}
        ${field('credential-description', t('credentials.descriptionField'), textInput('credential-description',
          form.description, set('description'), { test: 'credential-description' }))}
        ${field('credential-expires', t('credentials.expiresAt'), textInput('credential-expires', form.expiresAt,
          set('expiresAt'), { type: 'datetime-local', test: 'credential-expires' }), { helper: t('credentials.expiresAt.help') })}
        ${errorAlert(this.error('create'), 'create-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="create-credential" data-test="save-credential"
              ?disabled=${this.busy === 'create'}>${t('common.create')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'create-dialog', variant: 'md' });
  }

  async create() {
    const form = this.creating;
    const body = { name: form.name, provider: form.provider, type: form.type, value: valueOf(form) };
    if (form.description) {
      body.description = form.description;
    }
    if (form.expiresAt) {
      body.expiresAt = instant(form.expiresAt);
    }
    const created = await this.call('create', () => this.app.api.self('POST', this.parts[form.part].path, body));
    if (created) {
      const part = this.parts[form.part];
      part.items = [...part.items, created].sort((a, b) => a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name));
      this.creating = null;
      this.update();
    }
  }

  // Reveal -------------------------------------------------------------------------------------------------------

  openReveal(name, credential) {
    this.revealing = { part: name, credential, revealed: null };
    this.errors = {};
    this.update();
  }

  revealDialog() {
    const { part, credential, revealed } = this.revealing;
    // Dropping the dialog's state drops the value: it is held nowhere else. The row learns its new "last read".
    const close = () => {
      this.revealing = null;
      this.update();
      if (revealed) {
        this.refresh(part, credential);
      }
    };
    if (!revealed) {
      return modal(t('credentials.revealTitle', { name: credential.name }), html`
        <p>${t('credentials.revealAudited')}</p>
        ${errorAlert(this.error('reveal'), 'reveal-error')}`, html`
        ${button(t('credentials.revealConfirm'), () => this.reveal(), { variant: 'primary', test: 'confirm-reveal',
          disabled: this.busy === 'reveal' })}
        ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'reveal-dialog' });
    }
    return modal(t('credentials.revealedTitle', { name: credential.name }), html`
      ${revealedValue(revealed)}`, html`
      ${button(t('common.close'), close, { variant: 'primary', test: 'close-reveal' })}`, close,
    { test: 'reveal-dialog', variant: 'md' });
  }

  async reveal() {
    const { part, credential } = this.revealing;
    const revealed = await this.call('reveal', () => this.app.api.self('POST',
      `${this.parts[part].path}/${segment(credential.id)}/reveal`));
    if (revealed && this.revealing?.credential === credential) {
      this.revealing = { ...this.revealing, revealed };
      this.update();
    }
  }

  /** Reads one row again, quietly: the list stays as it was if this fails. */
  async refresh(part, credential) {
    try {
      this.replace(part, await this.app.api.self('GET', `${this.parts[part].path}/${segment(credential.id)}`));
      this.update();
    } catch (e) {
      // the row keeps what it showed
    }
  }

  // Rotate, (de)activate, delete -----------------------------------------------------------------------------------

  openRotate(name, credential) {
    this.rotating = { part: name, credential, type: credential.type, ...emptyValue() };
    this.errors = {};
    this.update();
  }

  rotateDialog() {
    const form = this.rotating;
    const close = () => { this.rotating = null; this.update(); };
    return modal(t('credentials.rotateTitle', { name: form.credential.name }), html`
      <form class="pf-v5-c-form" id="rotate-credential" @submit=${(e) => { e.preventDefault(); this.rotate(); }}>
        <p>${t('credentials.rotateBody')}</p>
        ${valueFields(form)}
        ${errorAlert(this.error('rotate'), 'rotate-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="rotate-credential" data-test="save-rotate"
              ?disabled=${this.busy === 'rotate'}>${t('common.save')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'rotate-dialog', variant: 'md' });
  }

  async rotate() {
    const { part, credential } = this.rotating;
    const saved = await this.call('rotate', () => this.app.api.self('PUT',
      `${this.parts[part].path}/${segment(credential.id)}`, { value: valueOf(this.rotating) }));
    if (saved) {
      this.replace(part, saved);
      this.rotating = null;
      this.update();
    }
  }

  async setActive(name, credential, active) {
    const saved = await this.call(`row-${credential.id}`, () => this.app.api.self('PUT',
      `${this.parts[name].path}/${segment(credential.id)}`, { active }));
    if (saved) {
      this.replace(name, saved);
      this.update();
    }
  }

  deleteDialog() {
    const { credential } = this.deleting;
    const close = () => { this.deleting = null; this.update(); };
    return modal(t('credentials.deleteTitle', { name: credential.name }), html`
      <p>${t('credentials.deleteBody')}</p>${errorAlert(this.error('delete'), 'delete-error')}`, html`
      ${button(t('common.delete'), () => this.remove(), { variant: 'danger', test: 'confirm-delete', disabled: this.busy === 'delete' })}
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'delete-dialog' });
  }

  async remove() {
    const { name, credential } = this.deleting;
    const done = await this.call('delete', () => this.app.api.self('DELETE',
      `${this.parts[name].path}/${segment(credential.id)}`).then(() => true));
    if (done) {
      this.parts[name].items = this.parts[name].items.filter((item) => item.id !== credential.id);
      this.deleting = null;
      this.update();
    }
  }

  async showMore(name) {
    const part = this.parts[name];
    const next = await this.act(`list-${name}`, () => this.fetch(part, part.items.length));
    if (next) {
      part.items = [...part.items, ...next];
      part.more = next.length === PAGE_SIZE;
      this.update();
    }
  }
}

function emptyValue() {
  return { value: '', oauth: { accessToken: '', refreshToken: '', expiresAt: '', scopes: '', providerAccountId: '', tokenType: '' } };
}

/** The fields for a value of the form's type: one secret, or the parts of an OAuth token. */
function valueFields(form) {
  if (form.type !== 'OAUTH_TOKEN') {
    const control = form.type === 'CUSTOM'
      ? html`<span class="pf-v5-c-form-control"><textarea id="credential-value" required data-test="credential-value"
          autocomplete="off" spellcheck="false" aria-describedby="credential-value-helper" .value=${form.value}
          @input=${(e) => { form.value = e.target.value; }}></textarea></span>`
      : textInput('credential-value', form.value, (value) => { form.value = value; },
        { required: true, test: 'credential-value', masked: true });
    return field('credential-value', t('credentials.value'), control, { required: true, helper: t('credentials.value.help') });
  }
  const oauth = form.oauth;
  const input = (key, options = {}) => field(`oauth-${key}`, t(`credentials.oauth.${key}`),
    textInput(`oauth-${key}`, oauth[key], (value) => { oauth[key] = value; }, { test: `oauth-${key}`, ...options }),
    { required: options.required, helper: options.helper });
  return html`
    ${input('accessToken', { required: true, masked: true })}
    ${input('refreshToken', { masked: true })}
    ${input('expiresAt', { type: 'datetime-local' })}
    ${input('scopes', { helper: t('credentials.oauth.scopes.help') })}
    ${input('providerAccountId')}
    ${input('tokenType')}`;
}

function valueOf(form) {
  if (form.type !== 'OAUTH_TOKEN') {
    return form.value;
  }
  const oauth = form.oauth;
  const token = { accessToken: oauth.accessToken };
  const scopes = oauth.scopes.split(/[\s,]+/).filter(Boolean);
  if (oauth.refreshToken) {
    token.refreshToken = oauth.refreshToken;
  }
  if (oauth.expiresAt) {
    token.expiresAt = instant(oauth.expiresAt);
  }
  if (scopes.length) {
    token.scopes = scopes;
  }
  if (oauth.providerAccountId.trim()) {
    token.providerAccountId = oauth.providerAccountId.trim();
  }
  if (oauth.tokenType.trim()) {
    token.tokenType = oauth.tokenType.trim();
  }
  return token;
}

/** A datetime-local value (the user's time zone) as the ISO-8601 instant the API takes. */
function instant(local) {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

function revealedValue(revealed) {
  const warning = t('credentials.revealedWarning');
  if (revealed.type !== 'OAUTH_TOKEN' || typeof revealed.value !== 'object' || revealed.value === null) {
    return secretOnce('revealed-value', t('credentials.value'), String(revealed.value), warning, 'revealed-value');
  }
  const token = revealed.value;
  const facts = [
    ['expiresAt', token.expiresAt ? formatDate(token.expiresAt) : null],
    ['scopes', token.scopes?.length ? token.scopes.join(' ') : null],
    ['providerAccountId', token.providerAccountId],
    ['tokenType', token.tokenType],
  ].filter(([, value]) => value);
  return html`
    ${secretOnce('revealed-access', t('credentials.oauth.accessToken'), token.accessToken, warning, 'revealed-value')}
    ${token.refreshToken ? secretOnce('revealed-refresh', t('credentials.oauth.refreshToken'), token.refreshToken,
      t('credentials.revealedWarning.refresh'), 'revealed-refresh') : nothing}
    ${facts.length ? html`<dl class="pf-v5-c-description-list pf-m-horizontal pf-m-compact">
      ${facts.map(([key, value]) => html`<div class="pf-v5-c-description-list__group">
        <dt class="pf-v5-c-description-list__term"><span class="pf-v5-c-description-list__text">${t(`credentials.oauth.${key}`)}</span></dt>
        <dd class="pf-v5-c-description-list__description"><div class="pf-v5-c-description-list__text">${value}</div></dd>
      </div>`)}</dl>` : nothing}`;
}

addMessages({
  en: {
    'credentials.title': 'Credentials',
    'credentials.description': 'Secrets kept encrypted for you and this tenant: OAuth tokens, API keys, passwords. Lists show them masked; reading a value is recorded.',
    'credentials.mine': 'My credentials',
    'credentials.tenant': "This tenant's credentials",
    'credentials.mine.help': 'Only you (and the realm’s administrators) can read these.',
    'credentials.tenant.help': 'Shared by the members of this tenant who may manage credentials.',
    'credentials.mine.empty.title': 'You have no credentials yet',
    'credentials.mine.empty.body': 'Store a token or key with “Create credential”; applications that work for you read it from here.',
    'credentials.tenant.empty.title': 'This tenant has no credentials yet',
    'credentials.tenant.empty.body': 'Store the tenant’s SMTP password, a provider’s API key or an OAuth token with “Create credential”.',
    'credentials.create': 'Create credential',
    'credentials.createTitle.mine': 'New credential of yours',
    'credentials.createTitle.tenant': 'New credential of this tenant',
    'credentials.name': 'Name',
    'credentials.name.help': 'Unique for this owner and provider, whatever its case.',
    'credentials.provider': 'Provider',
    'credentials.provider.help': 'A lower-case identifier such as github, smtp or stripe.com.',
    'credentials.type': 'Type',
    'credentials.value': 'Value',
    'credentials.value.help': 'Stored encrypted exactly as entered; it is not shown again except through “Reveal”.',
    'credentials.descriptionField': 'Description',
    'credentials.status': 'Status',
    'credentials.expiresAt': 'Expires',
    'credentials.expiresAt.help': 'For your information: an expired credential still works until you deactivate it.',
    'credentials.lastUsedAt': 'Last read',
    'credentials.type.API_KEY': 'API key',
    'credentials.type.OAUTH_TOKEN': 'OAuth token',
    'credentials.type.ACCESS_TOKEN': 'Access token',
    'credentials.type.SECRET': 'Secret',
    'credentials.type.PASSWORD': 'Password',
    'credentials.type.CUSTOM': 'Custom',
    'credentials.status.active': 'active',
    'credentials.status.inactive': 'deactivated',
    'credentials.status.expired': 'expired',
    'credentials.oauth.accessToken': 'Access token',
    'credentials.oauth.refreshToken': 'Refresh token',
    'credentials.oauth.expiresAt': 'Access token expires',
    'credentials.oauth.scopes': 'Scopes',
    'credentials.oauth.scopes.help': 'Separated by spaces, for example: repo read:org',
    'credentials.oauth.providerAccountId': 'Account id at the provider',
    'credentials.oauth.tokenType': 'Token type',
    'credentials.reveal': 'Reveal',
    'credentials.revealTitle': 'Reveal {name}?',
    'credentials.revealAudited': 'Reading the value is audited: an admin event names you as its reader, and the realm’s administrators can see it. The value is shown once, in this dialog.',
    'credentials.revealConfirm': 'Reveal the value',
    'credentials.revealedTitle': 'Value of {name}',
    'credentials.revealedWarning': 'Copy it now: the value leaves this page when you close this dialog.',
    'credentials.revealedWarning.refresh': 'The refresh token, too, is shown only here.',
    'credentials.rotate': 'New value',
    'credentials.rotateTitle': 'New value for {name}',
    'credentials.rotateBody': 'The new value replaces the old one at once; programs still using the old one stop working.',
    'credentials.deactivate': 'Deactivate',
    'credentials.activate': 'Activate',
    'credentials.deleteTitle': 'Delete {name}?',
    'credentials.deleteBody': 'The value is gone for good; programs reading it find nothing. Deactivate it instead to keep it for later.',
    'credentials.noKek.title': 'The credential store is not ready',
    'credentials.noKek.body': 'Stored credentials are listed, but none can be created, revealed or given a new value until a realm administrator configures its encryption key.',
  },
  de: {
    'credentials.title': 'Zugangsdaten',
    'credentials.description': 'Verschlüsselt gespeicherte Geheimnisse für Sie und diesen Mandanten: OAuth-Tokens, API-Schlüssel, Passwörter. Listen zeigen sie maskiert; das Auslesen eines Werts wird protokolliert.',
    'credentials.mine': 'Meine Zugangsdaten',
    'credentials.tenant': 'Zugangsdaten dieses Mandanten',
    'credentials.mine.help': 'Nur Sie (und die Administratoren des Realms) können diese lesen.',
    'credentials.tenant.help': 'Gemeinsam für die Mitglieder dieses Mandanten, die Zugangsdaten verwalten dürfen.',
    'credentials.mine.empty.title': 'Sie haben noch keine Zugangsdaten',
    'credentials.mine.empty.body': 'Speichern Sie ein Token oder einen Schlüssel mit „Zugangsdaten anlegen“; Anwendungen, die für Sie arbeiten, lesen sie von hier.',
    'credentials.tenant.empty.title': 'Dieser Mandant hat noch keine Zugangsdaten',
    'credentials.tenant.empty.body': 'Speichern Sie das SMTP-Passwort des Mandanten, den API-Schlüssel eines Anbieters oder ein OAuth-Token mit „Zugangsdaten anlegen“.',
    'credentials.create': 'Zugangsdaten anlegen',
    'credentials.createTitle.mine': 'Neue eigene Zugangsdaten',
    'credentials.createTitle.tenant': 'Neue Zugangsdaten dieses Mandanten',
    'credentials.name': 'Name',
    'credentials.name.help': 'Eindeutig für diesen Besitzer und Anbieter, unabhängig von Groß- und Kleinschreibung.',
    'credentials.provider': 'Anbieter',
    'credentials.provider.help': 'Ein Bezeichner in Kleinbuchstaben wie github, smtp oder stripe.com.',
    'credentials.type': 'Typ',
    'credentials.value': 'Wert',
    'credentials.value.help': 'Wird genau so verschlüsselt gespeichert und nur über „Anzeigen“ wieder gezeigt.',
    'credentials.descriptionField': 'Beschreibung',
    'credentials.status': 'Status',
    'credentials.expiresAt': 'Läuft ab',
    'credentials.expiresAt.help': 'Zu Ihrer Information: Abgelaufene Zugangsdaten funktionieren weiter, bis Sie sie deaktivieren.',
    'credentials.lastUsedAt': 'Zuletzt gelesen',
    'credentials.type.API_KEY': 'API-Schlüssel',
    'credentials.type.OAUTH_TOKEN': 'OAuth-Token',
    'credentials.type.ACCESS_TOKEN': 'Zugriffstoken',
    'credentials.type.SECRET': 'Geheimnis',
    'credentials.type.PASSWORD': 'Passwort',
    'credentials.type.CUSTOM': 'Benutzerdefiniert',
    'credentials.status.active': 'aktiv',
    'credentials.status.inactive': 'deaktiviert',
    'credentials.status.expired': 'abgelaufen',
    'credentials.oauth.accessToken': 'Zugriffstoken',
    'credentials.oauth.refreshToken': 'Aktualisierungstoken',
    'credentials.oauth.expiresAt': 'Zugriffstoken läuft ab',
    'credentials.oauth.scopes': 'Bereiche (Scopes)',
    'credentials.oauth.scopes.help': 'Durch Leerzeichen getrennt, zum Beispiel: repo read:org',
    'credentials.oauth.providerAccountId': 'Konto-ID beim Anbieter',
    'credentials.oauth.tokenType': 'Token-Typ',
    'credentials.reveal': 'Anzeigen',
    'credentials.revealTitle': '{name} anzeigen?',
    'credentials.revealAudited': 'Das Auslesen wird protokolliert: Ein Admin-Ereignis nennt Sie als Leser, und die Administratoren des Realms sehen es. Der Wert wird einmal gezeigt, in diesem Dialog.',
    'credentials.revealConfirm': 'Wert anzeigen',
    'credentials.revealedTitle': 'Wert von {name}',
    'credentials.revealedWarning': 'Kopieren Sie ihn jetzt: Der Wert verlässt diese Seite, wenn Sie den Dialog schließen.',
    'credentials.revealedWarning.refresh': 'Auch das Aktualisierungstoken wird nur hier gezeigt.',
    'credentials.rotate': 'Neuer Wert',
    'credentials.rotateTitle': 'Neuer Wert für {name}',
    'credentials.rotateBody': 'Der neue Wert ersetzt den alten sofort; Programme, die noch den alten verwenden, funktionieren nicht mehr.',
    'credentials.deactivate': 'Deaktivieren',
    'credentials.activate': 'Aktivieren',
    'credentials.deleteTitle': '{name} löschen?',
    'credentials.deleteBody': 'Der Wert ist endgültig weg; Programme, die ihn lesen, finden nichts mehr. Deaktivieren Sie ihn stattdessen, um ihn aufzubewahren.',
    'credentials.noKek.title': 'Der Zugangsdatenspeicher ist nicht bereit',
    'credentials.noKek.body': 'Gespeicherte Zugangsdaten werden aufgelistet, aber keine kann angelegt, angezeigt oder neu gesetzt werden, bis ein Realm-Admin den Verschlüsselungsschlüssel einrichtet.',
  },
});
