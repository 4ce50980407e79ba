// API keys: the user's own keys for this tenant (create, rotate, revoke; the key is shown once, in a dialog, and
// dropped when it closes) and, for members whose role grants manage-api-keys, every key of the tenant (revoke).
import { html, nothing } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, formatDate, t } from '../i18n.js';
import { Page } from './page.js';
import {
  alert, button, emptyState, errorAlert, field, label, modal, pageHeader, section, secretOnce, select, subTitle, table,
  textInput,
} from '../ui.js';

const LEVELS = ['none', 'read', 'write', 'admin'];
// The API takes 60 s to 2 years; no lifespan means the key does not expire.
const LIFESPANS = ['2592000', '7776000', '15552000', '31536000', ''];
const DEFAULT_LIFESPAN = '7776000';
// Rotation: how long the old key keeps working (the API's default is an hour, at most 7 days).
const GRACE_PERIODS = ['0', '3600', '86400', '604800'];
const DEFAULT_GRACE = '3600';
const STATUS_COLOURS = { active: 'green', revoked: 'red', expired: 'grey', retired: 'grey' };
// The self-service list has every key of the user, in every tenant; one page of the API's largest size is plenty.
const MAX_KEYS = 1000;

export default class ApiKeysPage extends Page {
  async load() {
    const [mine, tenantKeys, members] = await Promise.all([
      this.fetchMine(),
      this.mayManage ? this.fetchTenantKeys() : Promise.resolve([]),
      this.mayManage ? this.fetchMemberNames() : Promise.resolve(new Map()),
    ]);
    this.mine = mine;
    this.tenantKeys = tenantKeys;
    this.memberNames = members;
  }

  fetchMine() {
    const query = new URLSearchParams({ tenantId: this.params.tenantId, max: String(MAX_KEYS) });
    return this.app.api.self('GET', `/me/api-keys?${query}`);
  }

  fetchTenantKeys() {
    return this.app.api.self('GET', `${this.tenantBase}?max=${MAX_KEYS}`);
  }

  /** Owner names for the tenant's keys, where this user may see the members; ids otherwise. */
  async fetchMemberNames() {
    const permissions = this.app.tenant.permissions;
    if (!permissions.includes('view-members') && !permissions.includes('manage-members')) {
      return new Map();
    }
    try {
      const members = await this.app.api.self('GET', `/tenants/${segment(this.params.tenantId)}/members?max=${MAX_KEYS}`);
      return new Map(members.map((member) => [member.userId, member.username]));
    } catch (error) {
      return new Map();
    }
  }

  get tenantBase() {
    return `/tenants/${segment(this.params.tenantId)}/api-keys`;
  }

  get mayManage() {
    return this.app.tenant.permissions.includes('manage-api-keys');
  }

  /** The modules this user holds in the tenant, with their level: a key may carry up to that level, no more. */
  get delegable() {
    return Object.entries(this.app.tenant.modules ?? {}).filter(([, level]) => level !== 'none');
  }

  view() {
    return html`
      ${pageHeader(t('apiKeys.title'), t('apiKeys.description'),
        button(t('apiKeys.create'), () => this.openCreate(), { variant: 'primary', test: 'create-api-key' }))}
      ${section(this.myKeys(), t('apiKeys.mine'))}
      ${this.mayManage ? section(this.allKeys(), t('apiKeys.tenant')) : nothing}
      ${this.creating ? this.createDialog() : nothing}
      ${this.shown ? this.shownDialog() : nothing}
      ${this.rotating ? this.rotateDialog() : nothing}
      ${this.revoking ? this.revokeDialog() : nothing}`;
  }

  myKeys() {
    const rows = this.mine.map((key) => [
      html`<span data-test="key-name">${key.name}</span>`,
      html`<code data-test="key-prefix">${key.prefix}…</code>`,
      this.scopes(key),
      this.status(key),
      formatDate(key.expiresAt) === '—' ? t('apiKeys.noExpiry') : formatDate(key.expiresAt),
      formatDate(key.lastUsedAt),
      this.myActions(key),
    ]);
    return html`
      ${subTitle(t('apiKeys.mine'))}
      ${errorAlert(this.error('mine'), 'mine-error')}
      ${this.mine.length === 0
        ? emptyState(t('apiKeys.empty.title'), t('apiKeys.empty.body'),
          button(t('apiKeys.create'), () => this.openCreate(), { variant: 'secondary', test: 'create-api-key-empty' }), 'keys-empty')
        : table(t('apiKeys.mine'), [t('apiKeys.name'), t('apiKeys.prefix'), t('apiKeys.scopes'), t('apiKeys.status'),
          t('apiKeys.expires'), t('apiKeys.lastUsed'), t('common.actions')], rows, (index) => `key-${this.mine[index].id}`)}`;
  }

  allKeys() {
    const rows = this.tenantKeys.map((key) => [
      html`<span data-test="key-name">${key.name}</span>`,
      html`<code>${key.prefix}…</code>`,
      this.owner(key),
      this.scopes(key),
      this.status(key),
      formatDate(key.expiresAt) === '—' ? t('apiKeys.noExpiry') : formatDate(key.expiresAt),
      formatDate(key.lastUsedAt),
      html`<div class="tc-actions">${key.status === 'active'
        ? button(t('common.revoke'), () => this.openRevoke(key, 'tenant'), { variant: 'link', test: 'revoke' })
        : html`<span class="tc-muted">—</span>`}</div>`,
    ]);
    return html`
      ${subTitle(t('apiKeys.tenant'))}
      <p class="tc-help">${t('apiKeys.tenant.description')}</p>
      ${errorAlert(this.error('tenant'), 'tenant-error')}
      ${this.tenantKeys.length === 0
        ? emptyState(t('apiKeys.tenantEmpty.title'), t('apiKeys.tenantEmpty.body'), nothing, 'tenant-keys-empty')
        : table(t('apiKeys.tenant'), [t('apiKeys.name'), t('apiKeys.prefix'), t('apiKeys.owner'), t('apiKeys.scopes'),
          t('apiKeys.status'), t('apiKeys.expires'), t('apiKeys.lastUsed'), t('common.actions')], rows,
        (index) => `tenant-key-${this.tenantKeys[index].id}`)}`;
  }

  owner(key) {
    if (key.ownerId === this.app.user.id) {
      return html`${this.app.user.username} ${label(t('apiKeys.you'), 'blue')}`;
    }
    return this.memberNames.get(key.ownerId) ?? html`<span class="tc-muted">${key.ownerId}</span>`;
  }

  scopes(key) {
    return html`<span data-test="key-scopes">${key.scopes.length ? key.scopes.map((scope) => label(scope)) : t('apiKeys.noScopes')}</span>`;
  }

  status(key) {
    return html`<span data-test="key-status">${label(t(`apiKeys.status.${key.status}`), STATUS_COLOURS[key.status])}${
      key.replacedBy && key.status === 'active' ? html` ${label(t('apiKeys.replaced'), 'orange')}` : nothing}</span>`;
  }

  myActions(key) {
    const actions = [];
    if (key.status === 'active' && !key.replacedBy) {
      actions.push(button(t('apiKeys.rotate'), () => this.openRotate(key), { variant: 'secondary', test: 'rotate' }));
    }
    if (key.status === 'active') {
      actions.push(button(t('common.revoke'), () => this.openRevoke(key, 'mine'), { variant: 'link', test: 'revoke' }));
    }
    return html`<div class="tc-actions">${actions.length ? actions : html`<span class="tc-muted">—</span>`}</div>`;
  }

  openCreate() {
    this.creating = { name: '', levels: {}, lifespan: DEFAULT_LIFESPAN };
    this.errors = { ...this.errors, create: null };
    this.update();
  }

  createDialog() {
    const draft = this.creating;
    const close = () => { this.creating = null; this.update(); };
    const lifespanOptions = LIFESPANS.map((value) => [value, t(`apiKeys.lifespan.${value || 'never'}`)]);
    return modal(t('apiKeys.createTitle'), html`
      <form class="pf-v5-c-form" id="create-key" novalidate @submit=${(e) => { e.preventDefault(); this.create(); }}>
        ${field('key-name', t('apiKeys.name'),
          textInput('key-name', draft.name, (value) => { draft.name = value; }, { required: true, test: 'key-name-input' }),
          { required: true, helper: t('apiKeys.name.help') })}
        <fieldset class="pf-v5-c-form__group tc-fieldset" data-test="key-scopes-choice">
          <legend class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${t('apiKeys.scopes')}</span></legend>
          <p class="tc-help">${t('apiKeys.scopes.help')}</p>
          ${this.delegable.length === 0 ? html`<p class="tc-help" data-test="no-modules">${t('apiKeys.noModules')}</p>` : html`
            <div class="tc-grid-form">
              ${this.delegable.map(([module, held]) => {
                const options = LEVELS.slice(0, LEVELS.indexOf(held) + 1)
                  .map((level) => [level, level === 'none' ? t('apiKeys.notInKey') : t(`level.${level}`)]);
                return field(`scope-${module}`.replace(/[^A-Za-z0-9_-]/g, '_'), module,
                  select(`scope-${module}`.replace(/[^A-Za-z0-9_-]/g, '_'), draft.levels[module] ?? 'none', options,
                    (value) => { draft.levels[module] = value; }, { test: `scope-${module}` }),
                  { helper: t('apiKeys.yourLevel', { level: t(`level.${held}`) }) });
              })}
            </div>`}
        </fieldset>
        ${field('key-lifespan', t('apiKeys.lifespan'),
          select('key-lifespan', draft.lifespan, lifespanOptions, (value) => { draft.lifespan = value; }, { test: 'key-lifespan' }))}
        ${errorAlert(this.error('create'), 'create-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="create-key" data-test="save-key"
              ?disabled=${this.busy === 'create'}>${t('common.create')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'create-key-dialog', variant: 'md' });
  }

  async create() {
    const draft = this.creating;
    const body = {
      name: draft.name.trim(),
      tenantId: this.params.tenantId,
      scopes: Object.entries(draft.levels).filter(([, level]) => level !== 'none').map(([module, level]) => `${module}:${level}`),
    };
    if (draft.lifespan) {
      body.lifespanSeconds = Number(draft.lifespan);
    }
    const created = await this.act('create', () => this.app.api.self('POST', '/me/api-keys', body));
    if (created) {
      this.creating = null;
      this.show(created, null);
      await this.reload();
    }
  }

  /** The new key, in memory only until the dialog closes. */
  show(created, rotatedFrom) {
    this.shown = { key: created.key, name: created.name, expiresAt: created.expiresAt, rotatedFrom };
    this.update();
  }

  shownDialog() {
    const shown = this.shown;
    const close = () => { this.shown = null; this.update(); };
    return modal(shown.rotatedFrom ? t('apiKeys.rotatedTitle', { name: shown.name }) : t('apiKeys.createdTitle', { name: shown.name }), html`
      ${secretOnce('api-key-value', t('apiKeys.key'), shown.key, t('apiKeys.keyOnce'), 'api-key')}
      ${shown.rotatedFrom ? alert('info', t(`apiKeys.graceInfo.${shown.rotatedFrom.grace}`), '', { test: 'grace-info' }) : nothing}
      <p class="tc-help">${shown.expiresAt ? t('apiKeys.expiresOn', { date: formatDate(shown.expiresAt) }) : t('apiKeys.noExpiry')}</p>`, html`
      ${button(t('apiKeys.copiedDone'), close, { variant: 'primary', test: 'key-done' })}`, close,
    { test: 'api-key-dialog', variant: 'md', closable: false });
  }

  openRotate(key) {
    this.rotating = { key, grace: DEFAULT_GRACE };
    this.errors = { ...this.errors, rotate: null };
    this.update();
  }

  rotateDialog() {
    const { key } = this.rotating;
    const close = () => { this.rotating = null; this.update(); };
    const options = GRACE_PERIODS.map((value) => [value, t(`apiKeys.grace.${value}`)]);
    return modal(t('apiKeys.rotateTitle', { name: key.name }), html`
      <p>${t('apiKeys.rotateBody')}</p>
      <form class="pf-v5-c-form" id="rotate-key" @submit=${(e) => { e.preventDefault(); this.rotate(); }}>
        ${field('rotate-grace', t('apiKeys.grace'),
          select('rotate-grace', this.rotating.grace, options, (value) => { this.rotating.grace = value; }, { test: 'rotate-grace' }),
          { helper: t('apiKeys.grace.help') })}
        ${errorAlert(this.error('rotate'), 'rotate-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="rotate-key" data-test="confirm-rotate"
              ?disabled=${this.busy === 'rotate'}>${t('apiKeys.rotate')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'rotate-dialog' });
  }

  async rotate() {
    const { key, grace } = this.rotating;
    const rotated = await this.act('rotate', () => this.app.api.self('POST', `/me/api-keys/${segment(key.id)}/rotate`,
      { gracePeriodSeconds: Number(grace) }));
    if (rotated) {
      this.rotating = null;
      this.show(rotated, { grace });
      await this.reload();
    }
  }

  openRevoke(key, from) {
    this.revoking = { key, from };
    this.errors = { ...this.errors, revoke: null };
    this.update();
  }

  revokeDialog() {
    const { key, from } = this.revoking;
    const close = () => { this.revoking = null; this.update(); };
    const body = from === 'mine' || key.ownerId === this.app.user.id ? t('apiKeys.revokeBody') : t('apiKeys.revokeOthersBody');
    return modal(t('apiKeys.revokeTitle', { name: key.name }), html`
      <p>${body}</p>${errorAlert(this.error('revoke'), 'revoke-error')}`, html`
      ${button(t('common.revoke'), () => this.revoke(), { variant: 'danger', test: 'confirm-revoke', disabled: this.busy === 'revoke' })}
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'revoke-dialog' });
  }

  async revoke() {
    const { key, from } = this.revoking;
    const path = from === 'mine' ? `/me/api-keys/${segment(key.id)}/revoke` : `${this.tenantBase}/${segment(key.id)}/revoke`;
    const revoked = await this.act('revoke', () => this.app.api.self('POST', path));
    if (revoked) {
      this.revoking = null;
      await this.reload();
    }
  }

  /** Both lists again, each with its own error beside it. */
  async reload() {
    const mine = await this.act('mine', () => this.fetchMine());
    if (mine) {
      this.mine = mine;
    }
    if (this.mayManage) {
      const tenantKeys = await this.act('tenant', () => this.fetchTenantKeys());
      if (tenantKeys) {
        this.tenantKeys = tenantKeys;
      }
    }
    this.update();
  }
}

addMessages({
  en: {
    'apiKeys.title': 'API keys',
    'apiKeys.description': 'Keys let your programs act in this tenant with the modules you choose, never beyond your own levels. A key is shown once, when it is made; store it in a safe place.',
    'apiKeys.mine': 'My keys in this tenant',
    'apiKeys.tenant': 'The tenant\'s keys',
    'apiKeys.tenant.description': 'Every key of this tenant\'s members. You can revoke any of them, for example when a key has leaked or its owner\'s program is retired.',
    'apiKeys.create': 'Create API key',
    'apiKeys.createTitle': 'New API key',
    'apiKeys.name': 'Name',
    'apiKeys.name.help': 'What the key is for, for example "nightly export".',
    'apiKeys.prefix': 'Begins with',
    'apiKeys.owner': 'Owner',
    'apiKeys.you': 'you',
    'apiKeys.scopes': 'Scopes',
    'apiKeys.scopes.help': 'For each module, the level the key may use. At every use the key is cut to what you hold at that moment.',
    'apiKeys.noScopes': 'no modules',
    'apiKeys.noModules': 'You hold no module in this tenant: a key would carry no module access.',
    'apiKeys.notInKey': 'not in the key',
    'apiKeys.yourLevel': 'Your level: {level}',
    'apiKeys.status': 'Status',
    'apiKeys.status.active': 'active',
    'apiKeys.status.revoked': 'revoked',
    'apiKeys.status.expired': 'expired',
    'apiKeys.status.retired': 'retired',
    'apiKeys.replaced': 'replaced, in its grace period',
    'apiKeys.expires': 'Expires',
    'apiKeys.noExpiry': 'Does not expire',
    'apiKeys.expiresOn': 'The key expires on {date}.',
    'apiKeys.lastUsed': 'Last used',
    'apiKeys.lifespan': 'Expires after',
    'apiKeys.lifespan.2592000': '30 days',
    'apiKeys.lifespan.7776000': '90 days',
    'apiKeys.lifespan.15552000': '180 days',
    'apiKeys.lifespan.31536000': '1 year',
    'apiKeys.lifespan.never': 'Never (revoke it yourself)',
    'apiKeys.createdTitle': 'API key "{name}" created',
    'apiKeys.rotatedTitle': 'New key for "{name}"',
    'apiKeys.key': 'API key',
    'apiKeys.keyOnce': 'Copy the key now: it is shown only this once and cannot be seen again. If you lose it, rotate or revoke the key.',
    'apiKeys.copiedDone': 'I have copied the key',
    'apiKeys.rotate': 'Rotate',
    'apiKeys.rotateTitle': 'Rotate "{name}"?',
    'apiKeys.rotateBody': 'You get a new key with the same name, scopes (cut to what you hold now) and lifespan. The old key keeps working for the grace period, so that your programs can switch over, then stops.',
    'apiKeys.grace': 'The old key keeps working',
    'apiKeys.grace.help': 'Choose "stops at once" if the old key may have leaked.',
    'apiKeys.grace.0': 'stops at once',
    'apiKeys.grace.3600': 'for 1 hour',
    'apiKeys.grace.86400': 'for 1 day',
    'apiKeys.grace.604800': 'for 7 days',
    'apiKeys.graceInfo.0': 'The old key has stopped working. Put the new key in your programs now.',
    'apiKeys.graceInfo.3600': 'The old key keeps working for one more hour, then stops. Put the new key in your programs now.',
    'apiKeys.graceInfo.86400': 'The old key keeps working for one more day, then stops. Put the new key in your programs now.',
    'apiKeys.graceInfo.604800': 'The old key keeps working for seven more days, then stops. Put the new key in your programs now.',
    'apiKeys.revokeTitle': 'Revoke "{name}"?',
    'apiKeys.revokeBody': 'The key stops working at once, for every program that uses it. This cannot be undone; you can create a new key.',
    'apiKeys.revokeOthersBody': 'The key stops working at once, for every program of its owner that uses it. This cannot be undone; the owner can create a new key.',
    'apiKeys.empty.title': 'You have no API keys in this tenant',
    'apiKeys.empty.body': 'Create a key for a program that should act in this tenant on your behalf.',
    'apiKeys.tenantEmpty.title': 'No member has an API key in this tenant',
    'apiKeys.tenantEmpty.body': 'Members create their own keys on this page; they appear here.',
  },
  de: {
    'apiKeys.title': 'API-Schlüssel',
    'apiKeys.description': 'Mit Schlüsseln handeln Ihre Programme in diesem Mandanten mit den Modulen, die Sie wählen, nie über Ihre eigenen Stufen hinaus. Ein Schlüssel wird einmal angezeigt, wenn er erstellt wird; bewahren Sie ihn sicher auf.',
    'apiKeys.mine': 'Meine Schlüssel in diesem Mandanten',
    'apiKeys.tenant': 'Schlüssel des Mandanten',
    'apiKeys.tenant.description': 'Alle Schlüssel der Mitglieder dieses Mandanten. Sie können jeden widerrufen, etwa wenn ein Schlüssel offengelegt wurde oder das Programm seines Inhabers stillgelegt ist.',
    'apiKeys.create': 'API-Schlüssel erstellen',
    'apiKeys.createTitle': 'Neuer API-Schlüssel',
    'apiKeys.name': 'Name',
    'apiKeys.name.help': 'Wofür der Schlüssel ist, zum Beispiel „nächtlicher Export“.',
    'apiKeys.prefix': 'Beginnt mit',
    'apiKeys.owner': 'Inhaber',
    'apiKeys.you': 'Sie',
    'apiKeys.scopes': 'Bereiche',
    'apiKeys.scopes.help': 'Für jedes Modul die Stufe, die der Schlüssel nutzen darf. Bei jeder Nutzung wird der Schlüssel auf das gekürzt, was Sie in dem Moment haben.',
    'apiKeys.noScopes': 'keine Module',
    'apiKeys.noModules': 'Sie haben in diesem Mandanten kein Modul: Ein Schlüssel hätte keinen Modulzugriff.',
    'apiKeys.notInKey': 'nicht im Schlüssel',
    'apiKeys.yourLevel': 'Ihre Stufe: {level}',
    'apiKeys.status': 'Status',
    'apiKeys.status.active': 'aktiv',
    'apiKeys.status.revoked': 'widerrufen',
    'apiKeys.status.expired': 'abgelaufen',
    'apiKeys.status.retired': 'stillgelegt',
    'apiKeys.replaced': 'ersetzt, in der Übergangsfrist',
    'apiKeys.expires': 'Läuft ab',
    'apiKeys.noExpiry': 'Läuft nicht ab',
    'apiKeys.expiresOn': 'Der Schlüssel läuft am {date} ab.',
    'apiKeys.lastUsed': 'Zuletzt benutzt',
    'apiKeys.lifespan': 'Läuft ab nach',
    'apiKeys.lifespan.2592000': '30 Tagen',
    'apiKeys.lifespan.7776000': '90 Tagen',
    'apiKeys.lifespan.15552000': '180 Tagen',
    'apiKeys.lifespan.31536000': '1 Jahr',
    'apiKeys.lifespan.never': 'Nie (Sie widerrufen ihn selbst)',
    'apiKeys.createdTitle': 'API-Schlüssel „{name}“ erstellt',
    'apiKeys.rotatedTitle': 'Neuer Schlüssel für „{name}“',
    'apiKeys.key': 'API-Schlüssel',
    'apiKeys.keyOnce': 'Kopieren Sie den Schlüssel jetzt: Er wird nur dieses eine Mal angezeigt und ist danach nicht mehr einsehbar. Wenn Sie ihn verlieren, rotieren oder widerrufen Sie den Schlüssel.',
    'apiKeys.copiedDone': 'Ich habe den Schlüssel kopiert',
    'apiKeys.rotate': 'Rotieren',
    'apiKeys.rotateTitle': '„{name}“ rotieren?',
    'apiKeys.rotateBody': 'Sie erhalten einen neuen Schlüssel mit demselben Namen, denselben Bereichen (gekürzt auf das, was Sie jetzt haben) und derselben Laufzeit. Der alte Schlüssel funktioniert noch während der Übergangsfrist, damit Ihre Programme umstellen können, dann nicht mehr.',
    'apiKeys.grace': 'Der alte Schlüssel funktioniert noch',
    'apiKeys.grace.help': 'Wählen Sie „sofort nicht mehr“, wenn der alte Schlüssel offengelegt worden sein könnte.',
    'apiKeys.grace.0': 'sofort nicht mehr',
    'apiKeys.grace.3600': '1 Stunde lang',
    'apiKeys.grace.86400': '1 Tag lang',
    'apiKeys.grace.604800': '7 Tage lang',
    'apiKeys.graceInfo.0': 'Der alte Schlüssel funktioniert nicht mehr. Setzen Sie jetzt den neuen Schlüssel in Ihren Programmen ein.',
    'apiKeys.graceInfo.3600': 'Der alte Schlüssel funktioniert noch eine Stunde, dann nicht mehr. Setzen Sie jetzt den neuen Schlüssel in Ihren Programmen ein.',
    'apiKeys.graceInfo.86400': 'Der alte Schlüssel funktioniert noch einen Tag, dann nicht mehr. Setzen Sie jetzt den neuen Schlüssel in Ihren Programmen ein.',
    'apiKeys.graceInfo.604800': 'Der alte Schlüssel funktioniert noch sieben Tage, dann nicht mehr. Setzen Sie jetzt den neuen Schlüssel in Ihren Programmen ein.',
    'apiKeys.revokeTitle': '„{name}“ widerrufen?',
    'apiKeys.revokeBody': 'Der Schlüssel funktioniert sofort nicht mehr, für jedes Programm, das ihn nutzt. Das lässt sich nicht rückgängig machen; Sie können einen neuen Schlüssel erstellen.',
    'apiKeys.revokeOthersBody': 'Der Schlüssel funktioniert sofort nicht mehr, für jedes Programm seines Inhabers, das ihn nutzt. Das lässt sich nicht rückgängig machen; der Inhaber kann einen neuen Schlüssel erstellen.',
    'apiKeys.empty.title': 'Sie haben keine API-Schlüssel in diesem Mandanten',
    'apiKeys.empty.body': 'Erstellen Sie einen Schlüssel für ein Programm, das in Ihrem Namen in diesem Mandanten handeln soll.',
    'apiKeys.tenantEmpty.title': 'Kein Mitglied hat einen API-Schlüssel in diesem Mandanten',
    'apiKeys.tenantEmpty.body': 'Mitglieder erstellen ihre eigenen Schlüssel auf dieser Seite; sie erscheinen hier.',
  },
});
