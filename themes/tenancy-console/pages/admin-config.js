// The realm's tenancy configuration as a form: tenant roles and their permissions, modules and each role's default
// level, invitation and API-key settings. The PUT replaces the whole document, so the form starts from what the GET
// answered and sends every field back, also those it does not show. Read-only for view-realm without manage-realm.
import { html, live, nothing } from '../lit.js';
import { addMessages, t } from '../i18n.js';
import { Page } from './page.js';
import { alert, button, checkboxes, emptyState, errorAlert, field, label, pageHeader, section, select, subTitle, table,
  textInput } from '../ui.js';

/** The built-in permissions (TenancyPermission), in the order the form shows them. */
const PERMISSIONS = ['manage-tenant', 'manage-members', 'view-members', 'manage-invitations', 'manage-api-keys', 'manage-credentials'];
const LEVELS = ['none', 'read', 'write', 'admin'];
const NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const CLIENT_ID = /^[^\s,]{1,255}$/;
const NUMBERS = ['invitationLifespanSeconds', 'invitationMailsPerSenderPerHour', 'invitationMailsPerTenantPerHour', 'invitationMaxResends'];

export default class AdminConfigPage extends Page {
  async load() {
    this.config = await this.app.api.admin('GET', '/config');
    this.reset();
  }

  get mayEdit() {
    return this.app.admin.manageRealm;
  }

  /** A working copy of the configuration, in the shapes the controls edit. */
  reset() {
    const config = this.config;
    this.draft = {
      roles: Object.entries(config.roles ?? {}).map(([name, role]) => ({ name, permissions: [...(role.permissions ?? [])] })),
      modules: Object.entries(config.modules ?? {}).map(([name, levels]) => ({ name, levels: { ...levels } })),
      invitationAllowDifferentEmail: Boolean(config.invitationAllowDifferentEmail),
      apiKeyPrefix: config.apiKeyPrefix ?? '',
      apiKeyClients: [...(config.apiKeyClients ?? [])],
      introspectionSame: !Array.isArray(config.apiKeyIntrospectionClients),
      apiKeyIntrospectionClients: [...(config.apiKeyIntrospectionClients ?? [])],
      newRole: '',
      newModule: '',
      newClient: '',
      newIntrospectionClient: '',
    };
    for (const name of NUMBERS) {
      this.draft[name] = config[name] === undefined ? '' : String(config[name]);
    }
    this.hints = {};
  }

  /** The document to PUT: what was read, with every field the form shows replaced by the form's value. */
  body() {
    const draft = this.draft;
    const body = { ...this.config };
    body.roles = Object.fromEntries(draft.roles.map((role) => [role.name, { permissions: role.permissions }]));
    body.modules = Object.fromEntries(draft.modules.map((module) => [module.name,
      Object.fromEntries(Object.entries(module.levels).filter(([role, level]) => level !== 'none'
        && draft.roles.some((r) => r.name === role)))]));
    for (const name of NUMBERS) {
      const text = draft[name].trim();
      // A number the server checks against its limits; anything else goes as typed, so its message names the field.
      body[name] = /^\d+$/.test(text) ? Number(text) : text;
    }
    body.invitationAllowDifferentEmail = draft.invitationAllowDifferentEmail;
    body.apiKeyPrefix = draft.apiKeyPrefix.trim();
    body.apiKeyClients = draft.apiKeyClients;
    if (draft.introspectionSame) {
      delete body.apiKeyIntrospectionClients;
    } else {
      body.apiKeyIntrospectionClients = draft.apiKeyIntrospectionClients;
    }
    return body;
  }

  view() {
    return html`
      ${pageHeader(t('adminConfig.title'), this.mayEdit ? t('adminConfig.description.manage') : t('adminConfig.description.view'))}
      ${this.mayEdit ? this.form() : this.readOnly()}`;
  }

  // The form, for manage-realm.

  form() {
    return section(html`
      <form class="pf-v5-c-form tc-config-form" novalidate aria-label=${t('adminConfig.title')} data-test="config-form" @submit=${(e) => { e.preventDefault(); this.save(); }}>
        ${this.rolesForm()}
        ${this.modulesForm()}
        ${this.invitationsForm()}
        ${this.apiKeysForm()}
        <div class="pf-v5-c-form__group pf-m-action">
          ${errorAlert(this.error('save'), 'save-error')}
          ${this.saved ? alert('success', t('adminConfig.saved'), '', { test: 'saved' }) : nothing}
          <div class="pf-v5-c-form__actions">
            <button class="pf-v5-c-button pf-m-primary" type="submit" data-test="save-config" ?disabled=${this.busy === 'save'}>${t('common.save')}</button>
            ${button(t('adminConfig.discard'), () => { this.reset(); this.saved = false; this.errors = {}; this.update(); }, { variant: 'link', test: 'discard' })}
          </div>
        </div>
      </form>`);
  }

  rolesForm() {
    const draft = this.draft;
    const options = PERMISSIONS.map((permission) => [permission, t(`adminConfig.permission.${permission}`)]);
    return html`
      ${subTitle(t('adminConfig.roles'))}
      <p class="tc-help">${t('adminConfig.rolesHelp')}</p>
      ${draft.roles.map((role) => html`
        <div class="pf-v5-c-card pf-m-plain pf-m-compact tc-config-item" data-test=${`role-${role.name}`}>
          <div class="tc-config-item__head">
            <h3 class="pf-v5-c-title pf-m-md">${role.name}</h3>
            ${button(t('adminConfig.removeRole'), () => this.removeRole(role.name), { variant: 'link', test: 'remove-role' })}
          </div>
          ${checkboxes(t('adminConfig.permissionsOf', { role: role.name }), `role-${role.name}`, options, role.permissions,
            (permission, on) => { role.permissions = on ? [...role.permissions, permission] : role.permissions.filter((p) => p !== permission); this.changed(); },
            { test: `permissions-${role.name}` })}
        </div>`)}
      ${this.adder('new-role', t('adminConfig.newRole'), draft.newRole, (v) => { draft.newRole = v; }, () => this.addRole(), t('adminConfig.addRole'), 'role')}`;
  }

  modulesForm() {
    const draft = this.draft;
    const levels = LEVELS.map((level) => [level, t(`level.${level}`)]);
    return html`
      ${subTitle(t('adminConfig.modules'))}
      <p class="tc-help">${t('adminConfig.modulesHelp')}</p>
      ${draft.modules.length === 0 ? html`<p class="tc-muted" data-test="no-modules">${t('adminConfig.noModules')}</p>` : nothing}
      ${draft.modules.map((module) => html`
        <div class="pf-v5-c-card pf-m-plain pf-m-compact tc-config-item" data-test=${`module-${module.name}`}>
          <div class="tc-config-item__head">
            <h3 class="pf-v5-c-title pf-m-md">${module.name}</h3>
            ${button(t('adminConfig.removeModule'), () => this.removeModule(module.name), { variant: 'link', test: 'remove-module' })}
          </div>
          <div class="tc-config-levels tc-matrix">
            ${draft.roles.map((role) => {
              const id = `level-${module.name}-${role.name}`;
              return html`<div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for=${id}><span class="pf-v5-c-form__label-text">${role.name}</span></label>
                ${select(id, module.levels[role.name] ?? 'none', levels, (value) => { module.levels[role.name] = value; this.changed(); }, { test: id })}
              </div>`;
            })}
          </div>
        </div>`)}
      ${this.adder('new-module', t('adminConfig.newModule'), draft.newModule, (v) => { draft.newModule = v; }, () => this.addModule(), t('adminConfig.addModule'), 'module')}`;
  }

  invitationsForm() {
    const draft = this.draft;
    const number = (name, min, max) => field(`config-${name}`, t(`adminConfig.${name}`),
      textInput(`config-${name}`, draft[name], (v) => { draft[name] = v; this.saved = false; }, { type: 'number', min, max, test: `config-${name}` }),
      { helper: t(`adminConfig.${name}.help`) });
    return html`
      ${subTitle(t('adminConfig.invitations'))}
      ${number('invitationLifespanSeconds', 60, 31536000)}
      <div class="pf-v5-c-form__group">
        <div class="pf-v5-c-check">
          <input class="pf-v5-c-check__input" type="checkbox" id="config-allow-different-email" .checked=${draft.invitationAllowDifferentEmail}
            data-test="config-invitationAllowDifferentEmail" @change=${(e) => { draft.invitationAllowDifferentEmail = e.target.checked; this.changed(); }}>
          <label class="pf-v5-c-check__label" for="config-allow-different-email">${t('adminConfig.invitationAllowDifferentEmail')}</label>
          <span class="pf-v5-c-check__description">${t('adminConfig.invitationAllowDifferentEmail.help')}</span>
        </div>
      </div>
      ${number('invitationMailsPerSenderPerHour', 1, 100000)}
      ${number('invitationMailsPerTenantPerHour', 1, 100000)}
      ${number('invitationMaxResends', 0, 100)}`;
  }

  apiKeysForm() {
    const draft = this.draft;
    return html`
      ${subTitle(t('adminConfig.apiKeys'))}
      ${field('config-apiKeyPrefix', t('adminConfig.apiKeyPrefix'), textInput('config-apiKeyPrefix', draft.apiKeyPrefix,
        (v) => { draft.apiKeyPrefix = v; this.saved = false; }, { test: 'config-apiKeyPrefix' }), { helper: t('adminConfig.apiKeyPrefix.help') })}
      ${this.clientList('apiKeyClients', t('adminConfig.apiKeyClients'), t('adminConfig.apiKeyClients.help'), draft.apiKeyClients,
        (list) => { draft.apiKeyClients = list; }, 'newClient')}
      <div class="pf-v5-c-form__group">
        <div class="pf-v5-c-check">
          <input class="pf-v5-c-check__input" type="checkbox" id="config-introspection-same" .checked=${draft.introspectionSame}
            data-test="config-introspectionSame" @change=${(e) => { draft.introspectionSame = e.target.checked; this.changed(); }}>
          <label class="pf-v5-c-check__label" for="config-introspection-same">${t('adminConfig.introspectionSame')}</label>
        </div>
      </div>
      ${draft.introspectionSame ? nothing : this.clientList('apiKeyIntrospectionClients', t('adminConfig.apiKeyIntrospectionClients'),
        t('adminConfig.apiKeyIntrospectionClients.help'), draft.apiKeyIntrospectionClients,
        (list) => { draft.apiKeyIntrospectionClients = list; }, 'newIntrospectionClient')}`;
  }

  /** A list of client ids: each with a remove button, and a field to add one. */
  clientList(name, legend, helper, items, set, newKey) {
    const draft = this.draft;
    return html`
      <fieldset class="pf-v5-c-form__group tc-fieldset" data-test=${`list-${name}`}>
        <legend class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${legend}</span></legend>
        <p class="tc-help">${helper}</p>
        <div class="tc-actions tc-chips">
          ${items.length === 0 ? html`<span class="tc-muted">${t('common.none')}</span>` : items.map((item) => html`
            <span class="pf-v5-c-label" data-test="list-item"><span class="pf-v5-c-label__content">${item}</span>
              <span class="pf-v5-c-label__actions"><button class="pf-v5-c-button pf-m-plain" type="button"
                aria-label=${t('adminConfig.removeItem', { item })} data-test=${`remove-${item}`}
                @click=${() => { set(items.filter((other) => other !== item)); this.changed(); }}>✕</button></span></span>`)}
        </div>
        ${this.adder(`new-${name}`, t('adminConfig.newClient'), draft[newKey], (v) => { draft[newKey] = v; },
          () => this.addClient(items, set, newKey, `new-${name}`), t('adminConfig.addClient'), `new-${name}`)}
      </fieldset>`;
  }

  /**
   * A text field with an Add button; Enter adds instead of submitting the whole form. The field is bound with
   * live() so that it empties after an add (the value the template last set is '' already).
   */
  adder(id, text, value, onInput, onAdd, addText, hintKey) {
    const hint = this.hints[hintKey];
    return html`
      <div class="pf-v5-c-form__group" @keydown=${(e) => { if (e.key === 'Enter' && e.target.id === id) { e.preventDefault(); onAdd(); } }}>
        <div class="pf-v5-c-form__group-label">
          <label class="pf-v5-c-form__label" for=${id}><span class="pf-v5-c-form__label-text">${text}</span></label>
        </div>
        <div class="pf-v5-c-form__group-control tc-actions">
          <span class="pf-v5-c-form-control ${hint ? 'pf-m-error' : ''}">
            <input id=${id} type="text" .value=${live(value ?? '')} aria-invalid=${hint ? 'true' : 'false'} aria-describedby=${`${id}-helper`}
              autocomplete="off" data-test=${id} @input=${(e) => onInput(e.target.value)}></span>
          ${button(addText, onAdd, { test: `add-${id}` })}
        </div>
        ${hint ? html`<div class="pf-v5-c-form__helper-text" id=${`${id}-helper`} aria-live="polite"><div class="pf-v5-c-helper-text">
          <div class="pf-v5-c-helper-text__item pf-m-error"><span class="pf-v5-c-helper-text__item-text">${hint}</span></div></div></div>` : nothing}
      </div>`;
  }

  changed() {
    this.saved = false;
    this.update();
  }

  checkName(kind, name, taken) {
    if (!NAME.test(name)) {
      return t('adminConfig.badName');
    }
    return taken.includes(name) ? t(`adminConfig.${kind}Exists`, { name }) : null;
  }

  addRole() {
    const draft = this.draft;
    const name = draft.newRole.trim();
    this.hints.role = this.checkName('role', name, draft.roles.map((role) => role.name));
    if (!this.hints.role) {
      draft.roles = [...draft.roles, { name, permissions: [] }];
      draft.newRole = '';
    }
    this.changed();
  }

  removeRole(name) {
    this.draft.roles = this.draft.roles.filter((role) => role.name !== name);
    for (const module of this.draft.modules) {
      delete module.levels[name];
    }
    this.changed();
  }

  addModule() {
    const draft = this.draft;
    const name = draft.newModule.trim();
    this.hints.module = this.checkName('module', name, draft.modules.map((module) => module.name));
    if (!this.hints.module) {
      draft.modules = [...draft.modules, { name, levels: {} }];
      draft.newModule = '';
    }
    this.changed();
  }

  removeModule(name) {
    this.draft.modules = this.draft.modules.filter((module) => module.name !== name);
    this.changed();
  }

  addClient(items, set, newKey, hintKey) {
    const clientId = this.draft[newKey].trim();
    if (!CLIENT_ID.test(clientId)) {
      this.hints[hintKey] = t('adminConfig.badClient');
    } else {
      this.hints[hintKey] = null;
      if (!items.includes(clientId)) {
        set([...items, clientId]);
      }
      this.draft[newKey] = '';
    }
    this.changed();
  }

  async save() {
    this.saved = false;
    const answer = await this.act('save', () => this.app.api.admin('PUT', '/config', this.body()));
    if (answer) {
      this.config = answer;
      this.reset();
      this.saved = true;
      this.update();
    }
  }

  // The read-only view, for view-realm without manage-realm.

  readOnly() {
    const config = this.config;
    const roles = Object.entries(config.roles ?? {});
    const modules = Object.entries(config.modules ?? {});
    const list = (items) => (items?.length ? items.map((item) => label(item)) : t('common.none'));
    const setting = (name, value) => html`
      <div class="pf-v5-c-description-list__group">
        <dt class="pf-v5-c-description-list__term"><span class="pf-v5-c-description-list__text">${t(`adminConfig.${name}`)}</span></dt>
        <dd class="pf-v5-c-description-list__description"><div class="pf-v5-c-description-list__text" data-test=${`config-${name}`}>${value}</div></dd>
      </div>`;
    return section(html`
      ${alert('info', t('adminConfig.readOnly'), '', { test: 'read-only' })}
      ${subTitle(t('adminConfig.roles'))}
      ${table(t('adminConfig.roles'), [t('adminConfig.role'), t('adminConfig.permissions')],
        roles.map(([name, role]) => [name, html`<span data-test="role-permissions">${list((role.permissions ?? []).map((p) => t(`adminConfig.permission.${p}`)))}</span>`]),
        (index) => `role-${roles[index][0]}`)}
      ${subTitle(t('adminConfig.modules'))}
      ${modules.length === 0 ? emptyState(t('adminConfig.noModules'), t('adminConfig.noModulesView'), nothing, 'no-modules')
        : table(t('adminConfig.modules'), [t('adminConfig.module'), ...roles.map(([name]) => name)],
          modules.map(([name, levels]) => [name, ...roles.map(([role]) => t(`level.${levels[role] ?? 'none'}`))]),
          (index) => `module-${modules[index][0]}`)}
      ${subTitle(t('adminConfig.settings'))}
      <dl class="pf-v5-c-description-list tc-settings pf-m-horizontal">
        ${setting('invitationLifespanSeconds', config.invitationLifespanSeconds)}
        ${setting('invitationAllowDifferentEmail', config.invitationAllowDifferentEmail ? t('adminConfig.yes') : t('adminConfig.no'))}
        ${setting('invitationMailsPerSenderPerHour', config.invitationMailsPerSenderPerHour)}
        ${setting('invitationMailsPerTenantPerHour', config.invitationMailsPerTenantPerHour)}
        ${setting('invitationMaxResends', config.invitationMaxResends)}
        ${setting('apiKeyPrefix', config.apiKeyPrefix)}
        ${setting('apiKeyClients', list(config.apiKeyClients))}
        ${setting('apiKeyIntrospectionClients', Array.isArray(config.apiKeyIntrospectionClients)
          ? list(config.apiKeyIntrospectionClients) : t('adminConfig.introspectionSame'))}
      </dl>`);
  }
}

addMessages({
  en: {
    'adminConfig.title': 'Tenancy configuration',
    'adminConfig.description.manage': 'The tenant roles of this realm and what they allow, the modules and each role\'s default level, and the settings of invitations and API keys. Saving replaces the realm\'s configuration; new tokens carry it at once.',
    'adminConfig.description.view': 'The tenant roles of this realm and what they allow, the modules and each role\'s default level, and the settings of invitations and API keys.',
    'adminConfig.readOnly': 'You can view this configuration; changing it needs the manage-realm role.',
    'adminConfig.roles': 'Tenant roles',
    'adminConfig.rolesHelp': 'Each role grants the permissions ticked. A role that members still hold cannot be removed.',
    'adminConfig.role': 'Role',
    'adminConfig.permissions': 'Permissions',
    'adminConfig.permissionsOf': 'Permissions of {role}',
    'adminConfig.removeRole': 'Remove role',
    'adminConfig.newRole': 'New role',
    'adminConfig.addRole': 'Add role',
    'adminConfig.roleExists': 'There is a role {name} already.',
    'adminConfig.modules': 'Modules',
    'adminConfig.modulesHelp': 'The level each role has on a module unless a tenant overrides it: none, read, write or admin.',
    'adminConfig.module': 'Module',
    'adminConfig.noModules': 'No modules yet',
    'adminConfig.noModulesView': 'A realm admin with manage-realm can add modules.',
    'adminConfig.removeModule': 'Remove module',
    'adminConfig.newModule': 'New module',
    'adminConfig.addModule': 'Add module',
    'adminConfig.moduleExists': 'There is a module {name} already.',
    'adminConfig.badName': 'Use a lower-case letter first, then lower-case letters, digits, - or _ (at most 64).',
    'adminConfig.invitations': 'Invitations',
    'adminConfig.invitationLifespanSeconds': 'Invitation lifespan (seconds)',
    'adminConfig.invitationLifespanSeconds.help': 'How long an invitation stays valid unless it asks for another time: 60 to 31,536,000 seconds (172,800 = 48 hours).',
    'adminConfig.invitationAllowDifferentEmail': 'Accept with another email address',
    'adminConfig.invitationAllowDifferentEmail.help': 'Lets a signed-in user whose verified email is not the invited one accept the invitation.',
    'adminConfig.invitationMailsPerSenderPerHour': 'Invitation mails per sender and hour',
    'adminConfig.invitationMailsPerSenderPerHour.help': '1 to 100,000.',
    'adminConfig.invitationMailsPerTenantPerHour': 'Invitation mails per tenant and hour',
    'adminConfig.invitationMailsPerTenantPerHour.help': '1 to 100,000.',
    'adminConfig.invitationMaxResends': 'Resends per invitation',
    'adminConfig.invitationMaxResends.help': 'How often one invitation may be sent again: 0 to 100.',
    'adminConfig.apiKeys': 'API keys',
    'adminConfig.apiKeyPrefix': 'API key prefix',
    'adminConfig.apiKeyPrefix.help': 'The text before the underscore of this realm\'s API keys: a lower-case letter, then 1 to 15 lower-case letters or digits.',
    'adminConfig.apiKeyClients': 'Clients that exchange API keys for tokens',
    'adminConfig.apiKeyClients.help': 'Client ids of confidential clients with the tenancy scope.',
    'adminConfig.apiKeyIntrospectionClients': 'Clients that introspect API keys',
    'adminConfig.apiKeyIntrospectionClients.help': 'Client ids of confidential clients that may check API keys.',
    'adminConfig.introspectionSame': 'The same clients introspect API keys',
    'adminConfig.newClient': 'Client id',
    'adminConfig.addClient': 'Add client',
    'adminConfig.removeItem': 'Remove {item}',
    'adminConfig.badClient': 'A client id has no spaces or commas.',
    'adminConfig.settings': 'Settings',
    'adminConfig.saved': 'The configuration was saved.',
    'adminConfig.discard': 'Discard changes',
    'adminConfig.yes': 'yes',
    'adminConfig.no': 'no',
    'adminConfig.permission.manage-tenant': 'Manage tenant',
    'adminConfig.permission.manage-members': 'Manage members',
    'adminConfig.permission.view-members': 'View members',
    'adminConfig.permission.manage-invitations': 'Manage invitations',
    'adminConfig.permission.manage-api-keys': 'Manage API keys',
    'adminConfig.permission.manage-credentials': 'Manage credentials',
  },
  de: {
    'adminConfig.title': 'Mandanten-Konfiguration',
    'adminConfig.description.manage': 'Die Mandantenrollen dieses Realms und was sie erlauben, die Module und die Vorgabestufe jeder Rolle sowie die Einstellungen für Einladungen und API-Schlüssel. Speichern ersetzt die Konfiguration des Realms; neue Tokens tragen sie sofort.',
    'adminConfig.description.view': 'Die Mandantenrollen dieses Realms und was sie erlauben, die Module und die Vorgabestufe jeder Rolle sowie die Einstellungen für Einladungen und API-Schlüssel.',
    'adminConfig.readOnly': 'Sie können diese Konfiguration ansehen; ändern kann sie nur, wer die Rolle manage-realm hat.',
    'adminConfig.roles': 'Mandantenrollen',
    'adminConfig.rolesHelp': 'Jede Rolle gibt die angekreuzten Berechtigungen. Eine Rolle, die Mitglieder noch haben, lässt sich nicht entfernen.',
    'adminConfig.role': 'Rolle',
    'adminConfig.permissions': 'Berechtigungen',
    'adminConfig.permissionsOf': 'Berechtigungen von {role}',
    'adminConfig.removeRole': 'Rolle entfernen',
    'adminConfig.newRole': 'Neue Rolle',
    'adminConfig.addRole': 'Rolle hinzufügen',
    'adminConfig.roleExists': 'Es gibt schon eine Rolle {name}.',
    'adminConfig.modules': 'Module',
    'adminConfig.modulesHelp': 'Die Stufe jeder Rolle in einem Modul, solange ein Mandant sie nicht überschreibt: keine, lesen, schreiben oder verwalten.',
    'adminConfig.module': 'Modul',
    'adminConfig.noModules': 'Noch keine Module',
    'adminConfig.noModulesView': 'Ein Realm-Admin mit manage-realm kann Module hinzufügen.',
    'adminConfig.removeModule': 'Modul entfernen',
    'adminConfig.newModule': 'Neues Modul',
    'adminConfig.addModule': 'Modul hinzufügen',
    'adminConfig.moduleExists': 'Es gibt schon ein Modul {name}.',
    'adminConfig.badName': 'Zuerst ein Kleinbuchstabe, dann Kleinbuchstaben, Ziffern, - oder _ (höchstens 64).',
    'adminConfig.invitations': 'Einladungen',
    'adminConfig.invitationLifespanSeconds': 'Gültigkeit von Einladungen (Sekunden)',
    'adminConfig.invitationLifespanSeconds.help': 'Wie lange eine Einladung gilt, wenn sie keine andere Zeit verlangt: 60 bis 31.536.000 Sekunden (172.800 = 48 Stunden).',
    'adminConfig.invitationAllowDifferentEmail': 'Mit anderer E-Mail-Adresse annehmen',
    'adminConfig.invitationAllowDifferentEmail.help': 'Erlaubt angemeldeten Benutzern, deren bestätigte E-Mail-Adresse nicht die eingeladene ist, die Einladung anzunehmen.',
    'adminConfig.invitationMailsPerSenderPerHour': 'Einladungs-E-Mails je Absender und Stunde',
    'adminConfig.invitationMailsPerSenderPerHour.help': '1 bis 100.000.',
    'adminConfig.invitationMailsPerTenantPerHour': 'Einladungs-E-Mails je Mandant und Stunde',
    'adminConfig.invitationMailsPerTenantPerHour.help': '1 bis 100.000.',
    'adminConfig.invitationMaxResends': 'Erneute Sendungen je Einladung',
    'adminConfig.invitationMaxResends.help': 'Wie oft eine Einladung erneut gesendet werden darf: 0 bis 100.',
    'adminConfig.apiKeys': 'API-Schlüssel',
    'adminConfig.apiKeyPrefix': 'Präfix der API-Schlüssel',
    'adminConfig.apiKeyPrefix.help': 'Der Text vor dem Unterstrich der API-Schlüssel dieses Realms: ein Kleinbuchstabe, dann 1 bis 15 Kleinbuchstaben oder Ziffern.',
    'adminConfig.apiKeyClients': 'Clients, die API-Schlüssel gegen Tokens tauschen',
    'adminConfig.apiKeyClients.help': 'Client-IDs vertraulicher Clients mit dem Scope tenancy.',
    'adminConfig.apiKeyIntrospectionClients': 'Clients, die API-Schlüssel prüfen',
    'adminConfig.apiKeyIntrospectionClients.help': 'Client-IDs vertraulicher Clients, die API-Schlüssel prüfen dürfen.',
    'adminConfig.introspectionSame': 'Dieselben Clients prüfen API-Schlüssel',
    'adminConfig.newClient': 'Client-ID',
    'adminConfig.addClient': 'Client hinzufügen',
    'adminConfig.removeItem': '{item} entfernen',
    'adminConfig.badClient': 'Eine Client-ID enthält keine Leerzeichen oder Kommas.',
    'adminConfig.settings': 'Einstellungen',
    'adminConfig.saved': 'Die Konfiguration wurde gespeichert.',
    'adminConfig.discard': 'Änderungen verwerfen',
    'adminConfig.yes': 'ja',
    'adminConfig.no': 'nein',
    'adminConfig.permission.manage-tenant': 'Mandant verwalten',
    'adminConfig.permission.manage-members': 'Mitglieder verwalten',
    'adminConfig.permission.view-members': 'Mitglieder ansehen',
    'adminConfig.permission.manage-invitations': 'Einladungen verwalten',
    'adminConfig.permission.manage-api-keys': 'API-Schlüssel verwalten',
    'adminConfig.permission.manage-credentials': 'Zugangsdaten verwalten',
  },
});
