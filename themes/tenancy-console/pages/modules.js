// Modules: how far each tenant role reaches into each module of the realm here — the realm's defaults and this
// tenant's overrides. Members with manage-tenant change the overrides within the grant rule; the API decides and
// its refusal is shown beside the form.
import { html, live, nothing } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, t } from '../i18n.js';
import { Page } from './page.js';
import { alert, button, emptyState, errorAlert, label, pageHeader, section } from '../ui.js';

const LEVELS = ['none', 'read', 'write', 'admin'];

export default class ModulesPage extends Page {
  async load() {
    this.show(await this.app.api.self('GET', this.path));
  }

  get path() {
    return `/tenants/${segment(this.params.tenantId)}/modules`;
  }

  show(answer) {
    this.overrides = answer.overrides ?? {};
    this.effective = answer.effective ?? {};
    this.draft = copy(this.overrides);
  }

  get tenant() {
    return this.app.tenant;
  }

  get mayManage() {
    return this.tenant.permissions.includes('manage-tenant');
  }

  get modules() {
    return Object.keys(this.effective).sort();
  }

  get roles() {
    const roles = new Set(this.tenant.tenantRoles ?? []);
    Object.values(this.effective).forEach((byRole) => Object.keys(byRole).forEach((role) => roles.add(role)));
    return [...roles].sort();
  }

  /** A role whose levels this user may change: one the grant rule lets them hand out (the API checks again). */
  mayChange(role) {
    return (this.tenant.grantableRoles ?? []).includes(role);
  }

  ownLevel(module) {
    return this.tenant.modules?.[module] ?? 'none';
  }

  get changed() {
    return JSON.stringify(normalised(this.draft)) !== JSON.stringify(normalised(this.overrides));
  }

  view() {
    if (this.modules.length === 0) {
      return html`
        ${pageHeader(t('modules.title'), t('modules.description'))}
        ${section(emptyState(t('modules.empty.title'), t('modules.empty.body')))}`;
    }
    return html`
      ${pageHeader(t('modules.title'), t(this.mayManage ? 'modules.description.manage' : 'modules.description'))}
      ${section(html`
        <form class="pf-v5-c-form" id="modules-form" @submit=${(e) => { e.preventDefault(); this.save(); }}>
          ${this.matrix()}
          ${this.mayManage ? html`
            <p class="tc-help">${t('modules.grantRule')}</p>
            ${errorAlert(this.error('save'), 'save-error')}
            ${this.saved && !this.changed ? alert('success', t('modules.saved'), '', { test: 'saved' }) : nothing}
            <div class="pf-v5-c-form__group pf-m-action"><div class="pf-v5-c-form__actions">
              <button class="pf-v5-c-button pf-m-primary" type="submit" data-test="save-modules"
                      ?disabled=${this.busy === 'save' || !this.changed}>${t('common.save')}</button>
              ${button(t('modules.discard'), () => this.discard(), { variant: 'link', test: 'discard', disabled: !this.changed })}
              ${button(t('modules.resetAll'), () => this.resetAll(), { variant: 'link', test: 'reset-all',
                disabled: Object.keys(normalised(this.draft)).length === 0 })}
            </div></div>` : nothing}
        </form>`, t('modules.title'))}`;
  }

  matrix() {
    const modules = this.modules;
    return html`
      <table class="pf-v5-c-table pf-m-grid-md pf-m-compact tc-matrix" role="grid" data-test="matrix">
        <caption class="pf-v5-screen-reader">${t('modules.caption')}</caption>
        <thead class="pf-v5-c-table__thead">
          <tr class="pf-v5-c-table__tr">
            <th class="pf-v5-c-table__th" scope="col">${t('modules.role')}</th>
            ${modules.map((module) => html`<th class="pf-v5-c-table__th" scope="col">
              <span data-test=${`module-${module}`}>${module}</span>
              <div class="tc-muted">${t('modules.yours', { level: t(`level.${this.ownLevel(module)}`) })}</div></th>`)}
          </tr>
        </thead>
        <tbody class="pf-v5-c-table__tbody">
          ${this.roles.map((role) => html`
            <tr class="pf-v5-c-table__tr" data-test=${`role-${role}`}>
              <th class="pf-v5-c-table__th" scope="row" data-label=${t('modules.role')}>
                ${role}${this.tenant.roles?.includes(role) ? html` ${label(t('modules.yourRole'), 'blue')}` : nothing}
                ${this.mayManage && !this.mayChange(role) ? html`<div class="tc-muted" data-test="beyond-reach">${t('modules.beyondReach')}</div>` : nothing}
              </th>
              ${modules.map((module) => html`<td class="pf-v5-c-table__td" data-label=${module}>${this.cell(role, module)}</td>`)}
            </tr>`)}
        </tbody>
      </table>`;
  }

  cell(role, module) {
    const level = this.effective[module]?.[role] ?? 'none';
    const overridden = this.overrides[module]?.[role] !== undefined;
    const shown = html`<span data-test=${`effective-${role}-${module}`}>${t(`level.${level}`)}</span>
      ${overridden ? html` ${label(t('modules.override'), 'blue')}` : nothing}`;
    if (!this.mayManage) {
      return shown;
    }
    const id = `level-${role}-${module}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const value = this.draft[module]?.[role] ?? '';
    const own = LEVELS.indexOf(this.ownLevel(module));
    const defaultText = overridden ? t('modules.realmDefault') : t('modules.realmDefaultIs', { level: t(`level.${level}`) });
    const options = [['', defaultText], ...LEVELS.map((candidate, index) => [candidate,
      index > own ? t('modules.aboveYours', { level: t(`level.${candidate}`) }) : t(`level.${candidate}`)])];
    return html`<div>${shown}</div>
      <span class="pf-v5-c-form-control">
        <select id=${id} data-test=${`level-${role}-${module}`} .value=${live(value)} ?disabled=${!this.mayChange(role)}
          aria-label=${t('modules.levelOf', { role, module })} @change=${(e) => this.choose(role, module, e.target.value)}>
          ${options.map(([optionValue, text]) => html`<option value=${optionValue} ?selected=${optionValue === value}>${text}</option>`)}
        </select></span>`;
  }

  choose(role, module, level) {
    const byRole = { ...(this.draft[module] ?? {}) };
    if (level) {
      byRole[role] = level;
    } else {
      delete byRole[role];
    }
    this.draft = { ...this.draft, [module]: byRole };
    this.saved = false;
    this.update();
  }

  discard() {
    this.draft = copy(this.overrides);
    this.errors = {};
    this.update();
  }

  resetAll() {
    this.draft = {};
    this.saved = false;
    this.update();
  }

  async save() {
    const answer = await this.act('save', () => this.app.api.self('PUT', this.path, normalised(this.draft)));
    if (answer) {
      this.show(answer);
      this.saved = true;
      // The user's own levels and what they may grant can change with the overrides.
      await this.app.reloadTenant().catch(() => undefined);
      this.update();
    }
  }
}

function copy(overrides) {
  return Object.fromEntries(Object.entries(overrides).map(([module, byRole]) => [module, { ...byRole }]));
}

/** The overrides without modules left empty, in a stable order, as the PUT takes them. */
function normalised(overrides) {
  return Object.fromEntries(Object.keys(overrides).sort()
    .filter((module) => Object.keys(overrides[module]).length > 0)
    .map((module) => [module, Object.fromEntries(Object.keys(overrides[module]).sort()
      .map((role) => [role, overrides[module][role]]))]));
}

addMessages({
  en: {
    'modules.title': 'Modules',
    'modules.description': 'How far each role of this tenant reaches into each module: the realm’s defaults and this tenant’s overrides.',
    'modules.description.manage': 'How far each role of this tenant reaches into each module. Override the realm’s default for this tenant, or reset a cell to it.',
    'modules.caption': 'Module level of each role in this tenant',
    'modules.role': 'Role',
    'modules.yours': 'yours: {level}',
    'modules.yourRole': 'yours',
    'modules.override': 'this tenant',
    'modules.realmDefault': 'Realm default',
    'modules.realmDefaultIs': 'Realm default ({level})',
    'modules.aboveYours': '{level} (above your level)',
    'modules.levelOf': 'Level of role {role} on module {module}',
    'modules.beyondReach': 'Beyond your own permissions and levels: you cannot change it.',
    'modules.grantRule': 'You can change a role’s levels only if the role, before and after, gives no permission you lack and no level above yours.',
    'modules.discard': 'Discard changes',
    'modules.resetAll': 'Reset all to realm defaults',
    'modules.saved': 'The module levels are saved.',
    'modules.empty.title': 'This realm has no modules',
    'modules.empty.body': 'A realm administrator adds modules, and each role’s default level in them, in the realm’s tenancy configuration.',
  },
  de: {
    'modules.title': 'Module',
    'modules.description': 'Wie weit jede Rolle dieses Mandanten in jedes Modul reicht: die Vorgaben des Realms und die Abweichungen dieses Mandanten.',
    'modules.description.manage': 'Wie weit jede Rolle dieses Mandanten in jedes Modul reicht. Weichen Sie für diesen Mandanten von der Vorgabe des Realms ab oder setzen Sie eine Zelle darauf zurück.',
    'modules.caption': 'Modulstufe jeder Rolle in diesem Mandanten',
    'modules.role': 'Rolle',
    'modules.yours': 'Ihre: {level}',
    'modules.yourRole': 'Ihre',
    'modules.override': 'dieser Mandant',
    'modules.realmDefault': 'Vorgabe des Realms',
    'modules.realmDefaultIs': 'Vorgabe des Realms ({level})',
    'modules.aboveYours': '{level} (über Ihrer Stufe)',
    'modules.levelOf': 'Stufe der Rolle {role} im Modul {module}',
    'modules.beyondReach': 'Über Ihre eigenen Berechtigungen und Stufen hinaus: Sie können sie nicht ändern.',
    'modules.grantRule': 'Sie können die Stufen einer Rolle nur ändern, wenn die Rolle vorher und nachher keine Berechtigung gibt, die Ihnen fehlt, und keine Stufe über Ihrer.',
    'modules.discard': 'Änderungen verwerfen',
    'modules.resetAll': 'Alle auf die Vorgaben des Realms zurücksetzen',
    'modules.saved': 'Die Modulstufen sind gespeichert.',
    'modules.empty.title': 'Dieser Realm hat keine Module',
    'modules.empty.body': 'Ein Realm-Admin legt Module und die Vorgabestufe jeder Rolle darin in der Tenancy-Konfiguration des Realms an.',
  },
});
