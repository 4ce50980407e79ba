// Every tenant of the realm, for realm admins: find, create and delete tenants, and invite someone into one with
// roles and Keycloak groups through the admin invitation API. What the admin may do follows the token's admin roles
// (Keycloak's organization roles); the API refuses anyway and its reason is shown beside the control.
import { html, nothing } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, t } from '../i18n.js';
import { Page } from './page.js';
import { alert, button, checkboxes, emptyState, errorAlert, field, label, modal, pageHeader, secretOnce, section, table,
  textInput } from '../ui.js';

const PAGE_SIZE = 50;
const GROUP_LIMIT = 100;

export default class AdminTenantsPage extends Page {
  async load() {
    this.search = this.search ?? '';
    this.tenants = await this.fetch(0);
    this.more = this.tenants.length === PAGE_SIZE;
  }

  fetch(first) {
    const query = new URLSearchParams({ first: String(first), max: String(PAGE_SIZE) });
    if (this.search) {
      query.set('search', this.search);
    }
    return this.app.api.admin('GET', `/tenants?${query}`);
  }

  get mayManage() {
    return this.app.admin.manageTenants;
  }

  view() {
    const rows = this.tenants.map((tenant) => [
      html`<span data-test="tenant-name">${tenant.name}</span>
        ${tenant.enabled ? nothing : html` ${label(t('adminTenants.disabled'), 'orange')}`}`,
      html`<span data-test="tenant-alias">${tenant.alias}</span>`,
      tenant.description || html`<span class="tc-muted">—</span>`,
      this.rowActions(tenant),
    ]);
    const create = this.mayManage
      ? button(t('adminTenants.create'), () => this.openCreate(), { variant: 'primary', test: 'create-tenant' }) : nothing;
    return html`
      ${pageHeader(t('adminTenants.title'), this.mayManage ? t('adminTenants.description.manage') : t('adminTenants.description.view'), create)}
      ${section(html`
        <form class="pf-v5-c-toolbar" role="search" @submit=${(e) => this.runSearch(e)}>
          <div class="pf-v5-c-toolbar__content"><div class="pf-v5-c-toolbar__content-section">
            <div class="pf-v5-c-toolbar__item">
              <label class="pf-v5-screen-reader" for="tenant-search">${t('adminTenants.search')}</label>
              ${textInput('tenant-search', this.search, (value) => { this.search = value; }, { type: 'search', test: 'tenant-search' })}
            </div>
            <div class="pf-v5-c-toolbar__item">${button(t('common.search'), undefined, { type: 'submit', test: 'run-search' })}</div>
          </div></div>
        </form>
        ${errorAlert(this.error('list'))}
        ${this.notice ? alert('success', this.notice, '', { test: 'notice' }) : nothing}
        ${this.tenants.length === 0 ? this.empty()
          : table(t('adminTenants.title'), [t('adminTenants.name'), t('adminTenants.alias'), t('adminTenants.descriptionField'), t('common.actions')],
            rows, (index) => `tenant-${this.tenants[index].alias}`)}
        ${this.more ? button(t('common.more'), () => this.showMore(), { variant: 'link', test: 'more' }) : nothing}
      `)}
      ${this.creating ? this.createDialog() : nothing}
      ${this.deleting ? this.deleteDialog() : nothing}
      ${this.inviting ? this.inviteDialog() : nothing}`;
  }

  empty() {
    if (this.search) {
      return emptyState(t('adminTenants.noMatch'), t('adminTenants.noMatch.body'), nothing, 'empty');
    }
    return emptyState(t('adminTenants.empty.title'),
      this.mayManage ? t('adminTenants.empty.body') : t('adminTenants.empty.bodyView'),
      this.mayManage ? button(t('adminTenants.create'), () => this.openCreate(), { variant: 'primary', test: 'create-first' }) : nothing);
  }

  rowActions(tenant) {
    if (!this.mayManage) {
      return html`<span class="tc-muted">—</span>`;
    }
    return html`<div class="tc-actions">
        ${button(t('adminTenants.invite'), () => this.openInvite(tenant), { test: 'invite' })}
        ${button(t('common.delete'), () => { this.deleting = tenant; this.errors = {}; this.update(); }, { variant: 'link', test: 'delete' })}
      </div>`;
  }

  async runSearch(event) {
    event.preventDefault();
    this.notice = null;
    const found = await this.act('list', () => this.fetch(0));
    if (found) {
      this.tenants = found;
      this.more = found.length === PAGE_SIZE;
      this.update();
    }
  }

  async showMore() {
    const next = await this.act('list', () => this.fetch(this.tenants.length));
    if (next) {
      this.tenants = [...this.tenants, ...next];
      this.more = next.length === PAGE_SIZE;
      this.update();
    }
  }

  openCreate() {
    this.creating = { name: '', alias: '', description: '' };
    this.errors = {};
    this.notice = null;
    this.update();
  }

  createDialog() {
    const draft = this.creating;
    const close = () => { this.creating = null; this.update(); };
    return modal(t('adminTenants.createTitle'), html`
      <form class="pf-v5-c-form" id="create-tenant" novalidate @submit=${(e) => { e.preventDefault(); this.create(); }}>
        ${field('new-tenant-name', t('adminTenants.name'), textInput('new-tenant-name', draft.name, (v) => { draft.name = v; },
          { required: true, test: 'new-tenant-name' }), { required: true })}
        ${field('new-tenant-alias', t('adminTenants.alias'), textInput('new-tenant-alias', draft.alias, (v) => { draft.alias = v; },
          { test: 'new-tenant-alias' }), { helper: t('adminTenants.aliasHelp') })}
        ${field('new-tenant-description', t('adminTenants.descriptionField'), textInput('new-tenant-description', draft.description,
          (v) => { draft.description = v; }, { test: 'new-tenant-description' }))}
        ${errorAlert(this.error('create'), 'create-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="create-tenant" data-test="save-tenant"
              ?disabled=${this.busy === 'create'}>${t('common.create')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'create-dialog' });
  }

  async create() {
    const { name, alias, description } = this.creating;
    const body = { name: name.trim() };
    if (alias.trim()) {
      body.alias = alias.trim();
    }
    if (description.trim()) {
      body.description = description.trim();
    }
    const created = await this.act('create', () => this.app.api.admin('POST', '/tenants', body));
    if (created) {
      this.creating = null;
      this.tenants = [created, ...this.tenants.filter((tenant) => tenant.id !== created.id)];
      this.notice = t('adminTenants.created', { name: created.name });
      this.update();
    }
  }

  deleteDialog() {
    const tenant = this.deleting;
    const close = () => { this.deleting = null; this.update(); };
    return modal(t('adminTenants.deleteTitle', { name: tenant.name }), html`
      <p>${t('adminTenants.deleteBody', { name: tenant.name, alias: tenant.alias })}</p>
      ${errorAlert(this.error('delete'), 'delete-error')}`, html`
      ${button(t('common.delete'), () => this.remove(tenant), { variant: 'danger', test: 'confirm-delete', disabled: this.busy === 'delete' })}
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'delete-dialog' });
  }

  async remove(tenant) {
    const done = await this.act('delete', () => this.app.api.admin('DELETE', `/tenants/${segment(tenant.id)}`).then(() => true));
    if (done) {
      this.tenants = this.tenants.filter((candidate) => candidate.id !== tenant.id);
      this.deleting = null;
      this.notice = t('adminTenants.deleted', { name: tenant.name });
      this.update();
    }
  }

  // Inviting: the realm's roles come from its configuration (view-realm); without it the roles are typed in.

  async openInvite(tenant) {
    this.inviting = { tenant, email: '', roles: [], groups: [], lifespanHours: '', sendEmail: true, groupSearch: '' };
    this.issued = null;
    this.errors = {};
    this.notice = null;
    this.update();
    if (this.roleNames === undefined) {
      // Without view-realm the configuration is not readable: the roles are then typed in, without an error shown.
      const config = this.app.admin.viewRealm ? await this.act('roles', () => this.app.api.admin('GET', '/config')) : null;
      this.roleNames = config ? Object.keys(config.roles ?? {}) : null;
    }
    if (this.app.admin.assignGroups) {
      await this.findGroups();
    }
    this.update();
  }

  async findGroups() {
    const query = new URLSearchParams({ briefRepresentation: 'true', max: String(GROUP_LIMIT) });
    const search = this.inviting?.groupSearch?.trim();
    if (search) {
      query.set('search', search);
    }
    const found = await this.act('groups', () => this.app.api.keycloakAdmin('GET', `/groups?${query}`));
    if (found && this.inviting) {
      this.groupPaths = flattenPaths(found);
      this.update();
    }
  }

  inviteDialog() {
    const draft = this.inviting;
    const close = () => { this.inviting = null; this.issued = null; this.update(); };
    if (this.issued) {
      return this.issuedDialog(close);
    }
    return modal(t('adminTenants.inviteTitle', { name: draft.tenant.name }), html`
      <form class="pf-v5-c-form" id="invite-form" novalidate @submit=${(e) => { e.preventDefault(); this.invite(); }}>
        ${field('invite-email', t('adminTenants.email'), textInput('invite-email', draft.email, (v) => { draft.email = v; },
          { type: 'email', required: true, test: 'invite-email', autocomplete: 'email' }), { required: true })}
        ${this.roleChoices(draft)}
        ${this.groupChoices(draft)}
        ${field('invite-lifespan', t('adminTenants.lifespan'), textInput('invite-lifespan', draft.lifespanHours,
          (v) => { draft.lifespanHours = v; }, { type: 'number', min: 1, max: 720, test: 'invite-lifespan' }),
          { helper: t('adminTenants.lifespanHelp') })}
        <div class="pf-v5-c-form__group">
          <div class="pf-v5-c-check">
            <input class="pf-v5-c-check__input" type="checkbox" id="invite-send-email" .checked=${draft.sendEmail}
              data-test="invite-send-email" @change=${(e) => { draft.sendEmail = e.target.checked; this.update(); }}>
            <label class="pf-v5-c-check__label" for="invite-send-email">${t('adminTenants.sendEmail')}</label>
            <span class="pf-v5-c-check__description">${draft.sendEmail ? t('adminTenants.sendEmailHelp') : t('adminTenants.linkHelp')}</span>
          </div>
        </div>
        ${errorAlert(this.error('invite'), 'invite-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="invite-form" data-test="send-invitation"
              ?disabled=${this.busy === 'invite'}>${draft.sendEmail ? t('adminTenants.sendInvitation') : t('adminTenants.createLink')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'invite-dialog', variant: 'md' });
  }

  roleChoices(draft) {
    if (this.roleNames === undefined) {
      return html`<p class="tc-muted">${t('app.loading')}</p>`;
    }
    if (this.roleNames === null) {
      return html`${errorAlert(this.error('roles'), 'roles-error')}
        ${field('invite-roles', t('adminTenants.roles'), textInput('invite-roles', draft.roles.join(', '),
          (v) => { draft.roles = v.split(',').map((role) => role.trim()).filter(Boolean); }, { test: 'invite-roles' }),
          { helper: t('adminTenants.rolesTyped') })}`;
    }
    return checkboxes(t('adminTenants.roles'), 'invite-role', this.roleNames.map((role) => [role, role]), draft.roles,
      (role, on) => { draft.roles = on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role); this.update(); },
      { test: 'invite-roles' });
  }

  groupChoices(draft) {
    if (!this.app.admin.assignGroups) {
      return nothing;
    }
    const paths = [...new Set([...(this.groupPaths ?? []), ...draft.groups])].sort();
    return html`
      <div class="pf-v5-c-form__group">
        <div class="pf-v5-c-form__group-label">
          <label class="pf-v5-c-form__label" for="invite-group-search"><span class="pf-v5-c-form__label-text">${t('adminTenants.findGroups')}</span></label>
        </div>
        <div class="pf-v5-c-form__group-control tc-actions">
          <span @keydown=${(e) => { if (e.key === 'Enter') { e.preventDefault(); this.findGroups(); } }}>
            ${textInput('invite-group-search', draft.groupSearch, (v) => { draft.groupSearch = v; }, { type: 'search', test: 'group-search' })}</span>
          ${button(t('common.search'), () => this.findGroups(), { test: 'find-groups', disabled: this.busy === 'groups' })}
        </div>
      </div>
      ${errorAlert(this.error('groups'), 'groups-error')}
      ${paths.length
        ? checkboxes(t('adminTenants.groups'), 'invite-group', paths.map((path) => [path, path]), draft.groups,
          (path, on) => { draft.groups = on ? [...draft.groups, path] : draft.groups.filter((p) => p !== path); this.update(); },
          { test: 'invite-groups' })
        : html`<p class="tc-help">${this.groupPaths ? t('adminTenants.noGroups') : ''}</p>`}`;
  }

  async invite() {
    const draft = this.inviting;
    const body = { email: draft.email.trim(), roles: draft.roles, sendEmail: draft.sendEmail };
    if (draft.groups.length) {
      body.groups = draft.groups;
    }
    if (String(draft.lifespanHours).trim()) {
      const hours = Number(draft.lifespanHours);
      body.lifespanSeconds = Number.isFinite(hours) ? Math.round(hours * 3600) : draft.lifespanHours;
    }
    const issued = await this.act('invite', () => this.app.api.admin('POST',
      `/tenants/${segment(draft.tenant.id)}/invitations`, body));
    if (!issued || this.inviting !== draft) {
      return; // refused, or the dialog was closed meanwhile: an answer with a link is dropped unseen
    }
    if (issued.link || issued.emailSent === false || issued.warning) {
      // The link lives only in this dialog; closing it drops the answer.
      this.issued = issued;
    } else {
      this.inviting = null;
      this.notice = t('adminTenants.invited', { email: issued.email, name: draft.tenant.name });
    }
    this.update();
  }

  issuedDialog(close) {
    const issued = this.issued;
    return modal(t('adminTenants.issuedTitle', { email: issued.email }), html`
      ${issued.emailSent === false ? alert('danger', t('adminTenants.mailFailed'), issued.emailError ?? '', { test: 'mail-failed' }) : nothing}
      ${issued.warning ? alert('warning', issued.warning, '', { test: 'link-warning' }) : nothing}
      ${issued.link ? secretOnce('invitation-link', t('adminTenants.link'), issued.link, t('adminTenants.linkOnce'), 'invitation-link') : nothing}`,
    button(t('common.close'), close, { variant: 'primary', test: 'close-issued' }), close,
    { test: 'issued-dialog', variant: 'md', closable: !issued.link });
  }
}

/** Group paths of Keycloak's group answer, subgroups included where the answer carries them (a search does). */
function flattenPaths(groups, into = []) {
  for (const group of groups ?? []) {
    if (group.path) {
      into.push(group.path);
    }
    flattenPaths(group.subGroups, into);
  }
  return into;
}

addMessages({
  en: {
    'adminTenants.title': 'Tenants',
    'adminTenants.description.manage': 'Every tenant of this realm. Create tenants, invite their first members and delete tenants that are no longer needed.',
    'adminTenants.description.view': 'Every tenant of this realm.',
    'adminTenants.search': 'Search tenants by name',
    'adminTenants.name': 'Name',
    'adminTenants.alias': 'Alias',
    'adminTenants.aliasHelp': 'Letters, digits, dot, dash and underscore; left empty, the name is used. It cannot be changed later.',
    'adminTenants.descriptionField': 'Description',
    'adminTenants.disabled': 'disabled',
    'adminTenants.create': 'Create tenant',
    'adminTenants.createTitle': 'Create a tenant',
    'adminTenants.created': 'Tenant {name} was created. Invite its first members with Invite.',
    'adminTenants.invite': 'Invite',
    'adminTenants.deleteTitle': 'Delete the tenant {name}?',
    'adminTenants.deleteBody': 'The tenant {name} ({alias}) is deleted with its memberships, roles, invitations, API keys and credentials. This cannot be undone.',
    'adminTenants.deleted': 'Tenant {name} was deleted.',
    'adminTenants.empty.title': 'No tenants yet — create one',
    'adminTenants.empty.body': 'A tenant is an organization of this realm. Create one, then invite its first members.',
    'adminTenants.empty.bodyView': 'A realm admin who may manage organizations can create tenants.',
    'adminTenants.noMatch': 'No tenant matches',
    'adminTenants.noMatch.body': 'Try a shorter part of the name.',
    'adminTenants.inviteTitle': 'Invite someone to {name}',
    'adminTenants.email': 'Email address',
    'adminTenants.roles': 'Tenant roles',
    'adminTenants.rolesTyped': 'The realm configuration cannot be read with your roles; type role names separated by commas.',
    'adminTenants.groups': 'Keycloak groups',
    'adminTenants.findGroups': 'Find groups',
    'adminTenants.noGroups': 'No group found.',
    'adminTenants.lifespan': 'Valid for (hours)',
    'adminTenants.lifespanHelp': 'Empty: the realm\'s default. At most 720 hours (30 days).',
    'adminTenants.sendEmail': 'Send the invitation by email',
    'adminTenants.sendEmailHelp': 'The link goes only to the invited address.',
    'adminTenants.linkHelp': 'No mail is sent: the link is shown to you once, and you pass it on yourself.',
    'adminTenants.sendInvitation': 'Send invitation',
    'adminTenants.createLink': 'Create link',
    'adminTenants.invited': 'An invitation to {name} was sent to {email}.',
    'adminTenants.issuedTitle': 'Invitation for {email}',
    'adminTenants.mailFailed': 'The invitation was stored, but the mail could not be sent.',
    'adminTenants.link': 'Invitation link',
    'adminTenants.linkOnce': 'This link is shown only now. Whoever holds it can join the tenant in the invited person\'s place: pass it on privately.',
  },
  de: {
    'adminTenants.title': 'Mandanten',
    'adminTenants.description.manage': 'Alle Mandanten dieses Realms. Legen Sie Mandanten an, laden Sie ihre ersten Mitglieder ein und löschen Sie Mandanten, die nicht mehr gebraucht werden.',
    'adminTenants.description.view': 'Alle Mandanten dieses Realms.',
    'adminTenants.search': 'Mandanten nach Namen suchen',
    'adminTenants.name': 'Name',
    'adminTenants.alias': 'Alias',
    'adminTenants.aliasHelp': 'Buchstaben, Ziffern, Punkt, Bindestrich und Unterstrich; leer wird der Name verwendet. Er lässt sich später nicht ändern.',
    'adminTenants.descriptionField': 'Beschreibung',
    'adminTenants.disabled': 'deaktiviert',
    'adminTenants.create': 'Mandant anlegen',
    'adminTenants.createTitle': 'Einen Mandanten anlegen',
    'adminTenants.created': 'Der Mandant {name} wurde angelegt. Laden Sie mit Einladen seine ersten Mitglieder ein.',
    'adminTenants.invite': 'Einladen',
    'adminTenants.deleteTitle': 'Den Mandanten {name} löschen?',
    'adminTenants.deleteBody': 'Der Mandant {name} ({alias}) wird mit seinen Mitgliedschaften, Rollen, Einladungen, API-Schlüsseln und Zugangsdaten gelöscht. Das lässt sich nicht rückgängig machen.',
    'adminTenants.deleted': 'Der Mandant {name} wurde gelöscht.',
    'adminTenants.empty.title': 'Noch keine Mandanten – legen Sie einen an',
    'adminTenants.empty.body': 'Ein Mandant ist eine Organisation dieses Realms. Legen Sie einen an und laden Sie dann seine ersten Mitglieder ein.',
    'adminTenants.empty.bodyView': 'Ein Realm-Admin, der Organisationen verwalten darf, kann Mandanten anlegen.',
    'adminTenants.noMatch': 'Kein Mandant passt',
    'adminTenants.noMatch.body': 'Versuchen Sie einen kürzeren Teil des Namens.',
    'adminTenants.inviteTitle': 'Jemanden zu {name} einladen',
    'adminTenants.email': 'E-Mail-Adresse',
    'adminTenants.roles': 'Mandantenrollen',
    'adminTenants.rolesTyped': 'Mit Ihren Rollen lässt sich die Realm-Konfiguration nicht lesen; geben Sie Rollennamen durch Kommas getrennt ein.',
    'adminTenants.groups': 'Keycloak-Gruppen',
    'adminTenants.findGroups': 'Gruppen suchen',
    'adminTenants.noGroups': 'Keine Gruppe gefunden.',
    'adminTenants.lifespan': 'Gültig für (Stunden)',
    'adminTenants.lifespanHelp': 'Leer: die Vorgabe des Realms. Höchstens 720 Stunden (30 Tage).',
    'adminTenants.sendEmail': 'Einladung per E-Mail senden',
    'adminTenants.sendEmailHelp': 'Der Link geht nur an die eingeladene Adresse.',
    'adminTenants.linkHelp': 'Es wird keine E-Mail gesendet: Der Link wird Ihnen einmal angezeigt, und Sie geben ihn selbst weiter.',
    'adminTenants.sendInvitation': 'Einladung senden',
    'adminTenants.createLink': 'Link erzeugen',
    'adminTenants.invited': 'Eine Einladung zu {name} wurde an {email} gesendet.',
    'adminTenants.issuedTitle': 'Einladung für {email}',
    'adminTenants.mailFailed': 'Die Einladung wurde gespeichert, aber die E-Mail konnte nicht gesendet werden.',
    'adminTenants.link': 'Einladungslink',
    'adminTenants.linkOnce': 'Dieser Link wird nur jetzt angezeigt. Wer ihn hat, kann an Stelle der eingeladenen Person beitreten: Geben Sie ihn vertraulich weiter.',
  },
});
