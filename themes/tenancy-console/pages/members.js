// Members of the tenant: their roles, changed and removed only where the grant rule lets the user (the tenant's
// GET names the roles this user may grant); the API refuses anyway and its reason is shown beside the row. Above
// them, for members who manage members, the requests to join that the join policy "suggest" brings.
import { html, nothing } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, formatDate, t } from '../i18n.js';
import { Page } from './page.js';
import { button, checkboxes, emptyState, errorAlert, label, modal, pageHeader, section, subTitle, table, textInput } from '../ui.js';

const PAGE_SIZE = 50;

export default class MembersPage extends Page {
  async load() {
    this.search = this.search ?? '';
    this.members = await this.fetch(0);
    this.more = this.members.length === PAGE_SIZE;
    this.requests = [];
    if (this.mayManage) {
      // Its own error: a failure here must not hide the members.
      await this.act('requests', async () => {
        this.requests = await this.app.api.self('GET', `/tenants/${segment(this.params.tenantId)}/join/requests`);
      });
    }
  }

  fetch(first) {
    const query = new URLSearchParams({ first: String(first), max: String(PAGE_SIZE) });
    if (this.search) {
      query.set('search', this.search);
    }
    return this.app.api.self('GET', `/tenants/${segment(this.params.tenantId)}/members?${query}`);
  }

  get tenant() {
    return this.app.tenant;
  }

  get mayManage() {
    return this.tenant.permissions.includes('manage-members');
  }

  /** Whether this user may change any of {@code member}'s roles: never their own, and only within the rule. */
  mayEdit(member) {
    return this.mayManage && member.userId !== this.app.user.id && this.tenant.grantableRoles.length > 0;
  }

  /** Removing takes every role away, so every role the member holds must be grantable. */
  mayRemove(member) {
    return this.mayManage && member.userId !== this.app.user.id
      && member.roles.every((role) => this.tenant.grantableRoles.includes(role));
  }

  view() {
    const rows = this.members.map((member) => [
      html`<span data-test="member-name">${member.username}</span>${member.userId === this.app.user.id ? html` ${label(t('members.you'), 'blue')}` : nothing}`,
      member.email ?? '—',
      html`<span data-test="member-roles">${member.roles.length ? member.roles.map((role) => label(role)) : t('common.none')}</span>`,
      this.rowActions(member),
    ]);
    return html`
      ${pageHeader(t('members.title'), this.mayManage ? t('members.description.manage') : t('members.description.view'))}
      ${this.requestsView()}
      ${section(html`
        <form class="pf-v5-c-toolbar" role="search" @submit=${(e) => this.runSearch(e)}>
          <div class="pf-v5-c-toolbar__content"><div class="pf-v5-c-toolbar__content-section">
            <div class="pf-v5-c-toolbar__item">
              <label class="pf-v5-screen-reader" for="member-search">${t('members.search')}</label>
              ${textInput('member-search', this.search, (value) => { this.search = value; }, { type: 'search', test: 'member-search' })}
            </div>
            <div class="pf-v5-c-toolbar__item">${button(t('common.search'), undefined, { type: 'submit' })}</div>
          </div></div>
        </form>
        ${errorAlert(this.error('list'))}
        ${this.members.length === 0
          ? emptyState(this.search ? t('members.noMatch') : t('members.empty.title'),
            this.search ? t('members.noMatch.body') : t('members.empty.body'))
          : table(t('members.title'), [t('members.username'), t('members.email'), t('members.roles'), t('common.actions')], rows,
            (index) => `member-${this.members[index].username}`)}
        ${this.more ? button(t('common.more'), () => this.showMore(), { variant: 'link', test: 'more' }) : nothing}
      `)}
      ${this.editing ? this.editDialog() : nothing}
      ${this.removing ? this.removeDialog() : nothing}`;
  }

  /** The pending requests to join, shown only when there are some (or reading them failed). */
  requestsView() {
    if (!this.mayManage || (this.requests.length === 0 && !this.error('requests'))) {
      return nothing;
    }
    const rows = this.requests.map((request) => [
      html`<span data-test="request-name">${request.username ?? request.userId}</span>`,
      request.email ?? '—',
      formatDate(request.requestedAt),
      html`<div class="tc-actions">
        ${button(t('members.requests.approve'), () => this.decide(request, 'approve'), { variant: 'primary', test: 'approve-request', disabled: this.busy === `request-${request.id}` })}
        ${button(t('members.requests.deny'), () => this.decide(request, 'deny'), { variant: 'link', test: 'deny-request', disabled: this.busy === `request-${request.id}` })}
      </div>${errorAlert(this.error(`request-${request.id}`))}`,
    ]);
    return section(html`
      ${subTitle(t('members.requests.title'))}
      <p class="tc-help">${t('members.requests.description')}</p>
      ${errorAlert(this.error('requests'))}
      ${rows.length ? table(t('members.requests.title'), [t('members.username'), t('members.email'), t('members.requests.when'), t('common.actions')],
        rows, (index) => `request-${this.requests[index].username ?? this.requests[index].userId}`) : nothing}
    `, t('members.requests.title'));
  }

  /** Approves (with the tenant's default role) or denies; an approved person appears among the members. */
  async decide(request, decision) {
    const done = await this.act(`request-${request.id}`, () => this.app.api.self('POST',
      `/tenants/${segment(this.params.tenantId)}/join/requests/${segment(request.id)}/${decision}`).then(() => true));
    if (done) {
      this.requests = this.requests.filter((r) => r.id !== request.id);
      if (decision === 'approve') {
        const found = await this.act('list', () => this.fetch(0));
        if (found) {
          this.members = found;
          this.more = found.length === PAGE_SIZE;
        }
      }
      this.update();
    }
  }

  rowActions(member) {
    const actions = [];
    if (this.mayEdit(member)) {
      actions.push(button(t('members.changeRoles'), () => this.openEdit(member), { variant: 'secondary', test: 'change-roles' }));
    }
    if (this.mayRemove(member)) {
      actions.push(button(t('members.remove'), () => { this.removing = member; this.errors = {}; this.update(); },
        { variant: 'link', test: 'remove' }));
    }
    return html`<div class="tc-actions">${actions.length ? actions : html`<span class="tc-muted">—</span>`}</div>
      ${errorAlert(this.error(`row-${member.userId}`))}`;
  }

  openEdit(member) {
    this.editing = { member, roles: [...member.roles] };
    this.errors = {};
    this.update();
  }

  editDialog() {
    const { member, roles } = this.editing;
    const grantable = this.tenant.grantableRoles;
    const options = this.tenant.tenantRoles.map((role) => [role, grantable.includes(role) ? role : `${role} (${t('members.notYours')})`]);
    const close = () => { this.editing = null; this.update(); };
    return modal(t('members.changeRolesOf', { user: member.username }), html`
      <form class="pf-v5-c-form" id="edit-roles" @submit=${(e) => { e.preventDefault(); this.saveRoles(); }}>
        ${checkboxes(t('members.roles'), 'member-role', options, roles,
          (role, on) => { this.editing.roles = on ? [...roles, role] : roles.filter((r) => r !== role); this.update(); },
          { test: 'role-choices', disabled: (role) => !grantable.includes(role) })}
        <p class="tc-help">${t('members.grantRule')}</p>
        ${errorAlert(this.error('edit'), 'edit-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="edit-roles" data-test="save-roles" ?disabled=${this.busy === 'edit'}>${t('common.save')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'edit-roles-dialog' });
  }

  async saveRoles() {
    const { member, roles } = this.editing;
    const saved = await this.act('edit', () => this.app.api.self('PUT',
      `/tenants/${segment(this.params.tenantId)}/members/${segment(member.userId)}`, { roles }));
    if (saved) {
      this.members = this.members.map((m) => (m.userId === member.userId ? { ...m, roles: saved.roles ?? roles } : m));
      this.editing = null;
      this.update();
    }
  }

  removeDialog() {
    const member = this.removing;
    const close = () => { this.removing = null; this.update(); };
    return modal(t('members.removeTitle', { user: member.username }), html`
      <p>${t('members.removeBody')}</p>${errorAlert(this.error('remove'), 'remove-error')}`, html`
      ${button(t('members.remove'), () => this.remove(member), { variant: 'danger', test: 'confirm-remove', disabled: this.busy === 'remove' })}
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'remove-dialog' });
  }

  async remove(member) {
    const done = await this.act('remove', () => this.app.api.self('DELETE',
      `/tenants/${segment(this.params.tenantId)}/members/${segment(member.userId)}`).then(() => true));
    if (done) {
      this.members = this.members.filter((m) => m.userId !== member.userId);
      this.removing = null;
      this.update();
    }
  }

  async runSearch(event) {
    event.preventDefault();
    const found = await this.act('list', () => this.fetch(0));
    if (found) {
      this.members = found;
      this.more = found.length === PAGE_SIZE;
      this.update();
    }
  }

  async showMore() {
    const next = await this.act('list', () => this.fetch(this.members.length));
    if (next) {
      this.members = [...this.members, ...next];
      this.more = next.length === PAGE_SIZE;
      this.update();
    }
  }
}

addMessages({
  en: {
    'members.title': 'Members',
    'members.description.manage': 'Who belongs to this tenant and with which roles. You can grant and take away the roles that do not exceed your own permissions and module levels.',
    'members.description.view': 'Who belongs to this tenant and with which roles.',
    'members.search': 'Search members by name or email',
    'members.username': 'User',
    'members.email': 'Email',
    'members.roles': 'Roles',
    'members.you': 'you',
    'members.changeRoles': 'Change roles',
    'members.changeRolesOf': 'Roles of {user}',
    'members.notYours': 'beyond your own permissions',
    'members.grantRule': 'You can grant or take away a role only if it gives no permission you lack and no module level above yours. Nobody changes their own roles.',
    'members.remove': 'Remove',
    'members.removeTitle': 'Remove {user} from this tenant?',
    'members.removeBody': 'They lose their roles and access to this tenant at once. Their API keys for this tenant stop working. They do not come back by their email domain; an invitation lets them in again.',
    'members.requests.title': 'Requests to join',
    'members.requests.description': 'People with a verified address in this tenant\'s verified domains asked to join. Approving gives them the default role of the join policy; denying keeps them from asking or joining by domain again.',
    'members.requests.when': 'Asked',
    'members.requests.approve': 'Approve',
    'members.requests.deny': 'Deny',
    'members.empty.title': 'No members yet',
    'members.empty.body': 'Invite people on the Invitations page; they appear here once they accept.',
    'members.noMatch': 'No member matches',
    'members.noMatch.body': 'Try a shorter part of the name or email address.',
  },
  de: {
    'members.title': 'Mitglieder',
    'members.description.manage': 'Wer zu diesem Mandanten gehört und mit welchen Rollen. Sie können die Rollen vergeben und entziehen, die Ihre eigenen Berechtigungen und Modulstufen nicht übersteigen.',
    'members.description.view': 'Wer zu diesem Mandanten gehört und mit welchen Rollen.',
    'members.search': 'Mitglieder nach Name oder E-Mail suchen',
    'members.username': 'Benutzer',
    'members.email': 'E-Mail',
    'members.roles': 'Rollen',
    'members.you': 'Sie',
    'members.changeRoles': 'Rollen ändern',
    'members.changeRolesOf': 'Rollen von {user}',
    'members.notYours': 'über Ihre eigenen Berechtigungen hinaus',
    'members.grantRule': 'Sie können eine Rolle nur vergeben oder entziehen, wenn sie keine Berechtigung gibt, die Ihnen fehlt, und keine Modulstufe über Ihrer. Niemand ändert seine eigenen Rollen.',
    'members.remove': 'Entfernen',
    'members.removeTitle': '{user} aus diesem Mandanten entfernen?',
    'members.removeBody': 'Die Person verliert sofort ihre Rollen und den Zugang zu diesem Mandanten. Ihre API-Schlüssel für diesen Mandanten funktionieren nicht mehr. Über ihre E-Mail-Domain kommt sie nicht zurück; eine Einladung lässt sie wieder herein.',
    'members.requests.title': 'Beitrittsanfragen',
    'members.requests.description': 'Personen mit einer bestätigten Adresse in den bestätigten Domains dieses Mandanten bitten um Aufnahme. Annehmen gibt ihnen die Standardrolle der Beitrittsregel; Ablehnen hindert sie daran, erneut zu fragen oder über die Domain beizutreten.',
    'members.requests.when': 'Angefragt',
    'members.requests.approve': 'Annehmen',
    'members.requests.deny': 'Ablehnen',
    'members.empty.title': 'Noch keine Mitglieder',
    'members.empty.body': 'Laden Sie auf der Seite Einladungen Personen ein; sie erscheinen hier, sobald sie annehmen.',
    'members.noMatch': 'Kein Mitglied passt',
    'members.noMatch.body': 'Versuchen Sie einen kürzeren Teil des Namens oder der E-Mail-Adresse.',
  },
});
