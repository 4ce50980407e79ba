// The tenancy console: signs in, learns who the user is in which tenant, and routes between pages by the URL's
// fragment (#/tenants/{id}/members, #/admin/tenants). Pages load on first use.
import { html, nothing, render } from './lit.js';
import { Session, SignInError } from './auth.js';
import { Api, segment } from './api.js';
import { t, locale, locales, setLocale } from './i18n.js';
import { alert, button, emptyState, errorAlert, loading } from './ui.js';

const TENANT_PAGES = [
  { id: 'members', nav: 'nav.members', visible: (m) => m.permissions.includes('view-members') || m.permissions.includes('manage-members'),
    module: () => import('./pages/members.js') },
  { id: 'invitations', nav: 'nav.invitations', visible: (m) => m.permissions.includes('manage-invitations'),
    module: () => import('./pages/invitations.js') },
  { id: 'api-keys', nav: 'nav.apiKeys', visible: () => true, module: () => import('./pages/api-keys.js') },
  { id: 'credentials', nav: 'nav.credentials', visible: () => true, module: () => import('./pages/credentials.js') },
  { id: 'modules', nav: 'nav.modules', visible: () => true, module: () => import('./pages/modules.js') },
  { id: 'domains', nav: 'nav.domains', visible: (m) => m.permissions.includes('manage-tenant'),
    module: () => import('./pages/domains.js') },
  { id: 'leave', nav: 'nav.leave', visible: () => true, module: () => import('./pages/leave.js') },
];

const ADMIN_PAGES = [
  { id: 'tenants', nav: 'nav.tenants', visible: (admin) => admin.viewTenants, module: () => import('./pages/admin-tenants.js') },
  { id: 'config', nav: 'nav.config', visible: (admin) => admin.viewRealm, module: () => import('./pages/admin-config.js') },
  { id: 'keys', nav: 'nav.keys', visible: (admin) => admin.viewRealm, module: () => import('./pages/admin-keys.js') },
];

class ConsoleApp {
  constructor(root) {
    this.root = root;
    this.realm = document.documentElement.dataset.realm;
    const base = document.documentElement.dataset.base ?? '';
    this.session = new Session(this.realm, base);
    this.api = new Api(this.session, this.realm, base);
    this.navigation = 0;
    this.tenants = [];
    this.tenant = null;
    this.page = null;
    this.pageError = null;
    this.sidebarOpen = window.matchMedia('(min-width: 1200px)').matches;
  }

  async start() {
    followColourScheme();
    document.documentElement.lang = locale();
    document.title = t('app.title');
    this.render();
    try {
      await this.session.start(locale());
    } catch (error) {
      this.fatal = error instanceof SignInError ? t('app.signInFailed', { reason: error.message }) : String(error);
      this.render();
      return;
    }
    this.api.onSessionEnded = () => {
      this.sessionEnded = true;
      this.render();
    };
    this.user = whoIs(this.session.claims);
    this.admin = adminRolesOf(this.session.claims);
    window.addEventListener('hashchange', () => this.route());
    await this.loadTenants();
    await this.route();
  }

  /** The user's tenants, with their roles and permissions in each. */
  async loadTenants() {
    try {
      this.tenants = await this.api.self('GET', '/me/tenants');
      this.tenantsError = null;
    } catch (error) {
      this.tenants = [];
      this.tenantsError = error;
    }
  }

  /** Loads the current tenant again (after a change that may have changed the user's own power). */
  async reloadTenant() {
    const id = this.tenant?.id;
    if (id) {
      const tenant = await this.api.self('GET', `/tenants/${segment(id)}`);
      if (this.tenant?.id === id) { // the user may have switched tenants meanwhile
        this.tenant = tenant;
      }
    }
  }

  /** Renews the token, for claims that changed (a new module, new roles). */
  async renewToken() {
    await this.session.renew();
    this.admin = adminRolesOf(this.session.claims);
  }

  navigate(hash) {
    if (location.hash === hash) {
      this.route();
    } else {
      location.hash = hash;
    }
  }

  async route() {
    // A later navigation wins: answers that arrive for an earlier one (a slow tenant) are dropped.
    this.navigation += 1;
    const navigation = this.navigation;
    const stale = () => navigation !== this.navigation;
    const [, area, rawId, pageId] = location.hash.split('/');
    let id;
    try {
      id = decodeURIComponent(rawId ?? '');
    } catch (e) {
      id = '';
    }
    let definition;
    let params = {};
    if (area === 'admin') {
      definition = ADMIN_PAGES.find((page) => page.id === id && page.visible(this.admin));
      this.tenant = null;
    } else if (area === 'tenants') {
      const membership = this.tenants.find((tenant) => tenant.id === id);
      if (membership) {
        if (this.tenant?.id !== membership.id) {
          const tenant = await this.api.self('GET', `/tenants/${segment(membership.id)}`)
            .catch(() => ({ ...membership, tenantRoles: [], grantableRoles: [] }));
          if (stale()) {
            return;
          }
          this.tenant = tenant;
        }
        definition = TENANT_PAGES.find((page) => page.id === pageId && page.visible(this.tenant));
        if (!definition) {
          // A page this tenant does not offer the user: stay in the tenant they chose, on a page it does offer.
          const offered = TENANT_PAGES.find((page) => page.visible(this.tenant));
          location.replace(`#/tenants/${encodeURIComponent(membership.id)}/${offered.id}`);
          return;
        }
        params = { tenantId: membership.id };
      }
    }
    if (!definition) {
      const fallback = this.defaultRoute();
      if (fallback && fallback !== location.hash) {
        location.replace(fallback);
        return;
      }
      this.page = null;
      this.render();
      return;
    }
    this.current = definition.id;
    this.pageError = null;
    this.page = null;
    this.render();
    let page = null;
    let pageError = null;
    try {
      const { default: PageClass } = await definition.module();
      page = new PageClass(this, params);
      await page.load();
    } catch (error) {
      pageError = error;
    }
    if (stale()) {
      return;
    }
    this.page = pageError ? null : page;
    this.pageError = pageError;
    this.retry = () => this.route();
    this.render();
    this.root.querySelector('[data-page-title]')?.focus();
    // For the benchmark (docs/benchmarks.md): when a page is rendered with its data and can be used.
    performance.mark('tenancy-console:page-ready', { detail: definition.id });
  }

  defaultRoute() {
    const first = this.tenants[0];
    if (first) {
      const page = TENANT_PAGES.find((candidate) => candidate.visible(first));
      return `#/tenants/${encodeURIComponent(first.id)}/${page.id}`;
    }
    const adminPage = ADMIN_PAGES.find((candidate) => candidate.visible(this.admin ?? {}));
    return adminPage ? `#/admin/${adminPage.id}` : null;
  }

  render() {
    render(this.view(), this.root);
    this.root.removeAttribute('aria-busy');
  }

  view() {
    if (this.fatal) {
      return html`<main class="tc-fatal">${alert('danger', this.fatal)}</main>`;
    }
    if (!this.user) {
      return loading();
    }
    return html`
      <a class="pf-v5-c-skip-to-content pf-v5-c-button pf-m-primary" href="#main" @click=${skipToMain}>${t('app.skip')}</a>
      <div class="pf-v5-c-page">
        ${this.masthead()}
        ${this.sidebar()}
        <main class="pf-v5-c-page__main" id="main" tabindex="-1">${this.main()}</main>
      </div>`;
  }

  masthead() {
    return html`
      <header class="pf-v5-c-masthead">
        <span class="pf-v5-c-masthead__toggle">
          <button class="pf-v5-c-button pf-m-plain" type="button" aria-label=${t('app.menu')} aria-expanded=${String(this.sidebarOpen)}
                  aria-controls="sidebar" data-test="menu" @click=${() => { this.sidebarOpen = !this.sidebarOpen; this.render(); }}>☰</button>
        </span>
        <div class="pf-v5-c-masthead__main">
          <span class="pf-v5-c-masthead__brand tc-brand">${t('app.title')}<span class="tc-realm">${this.realm}</span></span>
        </div>
        <div class="pf-v5-c-masthead__content tc-masthead-content">
          ${this.tenants.length ? html`
            <label class="pf-v5-screen-reader" for="tenant-switcher">${t('app.tenant')}</label>
            <span class="pf-v5-c-form-control tc-switcher">
              <select id="tenant-switcher" data-test="tenant-switcher" @change=${(e) => this.switchTenant(e.target.value)}>
                ${this.tenant ? nothing : html`<option value="" selected>${t('app.tenant')}…</option>`}
                ${this.tenants.map((tenant) => html`<option value=${tenant.id} ?selected=${tenant.id === this.tenant?.id}>${tenant.name}</option>`)}
              </select></span>` : nothing}
          <label class="pf-v5-screen-reader" for="language">${t('app.language')}</label>
          <span class="pf-v5-c-form-control tc-language">
            <select id="language" data-test="language" @change=${(e) => { setLocale(e.target.value); document.title = t('app.title'); this.route(); }}>
              ${locales().map((code) => html`<option value=${code} ?selected=${code === locale()}>${code === 'de' ? 'Deutsch' : 'English'}</option>`)}
            </select></span>
          <span class="tc-user" data-test="user">${this.user.name}</span>
          ${button(t('app.signOut'), () => this.session.signOut(), { variant: 'link', test: 'sign-out' })}
        </div>
      </header>`;
  }

  switchTenant(tenantId) {
    const page = TENANT_PAGES.find((candidate) => candidate.id === this.current) ?? TENANT_PAGES[0];
    this.navigate(`#/tenants/${encodeURIComponent(tenantId)}/${page.id}`);
  }

  sidebar() {
    const tenantPages = this.tenant ? TENANT_PAGES.filter((page) => page.visible(this.tenant)) : [];
    const adminPages = ADMIN_PAGES.filter((page) => page.visible(this.admin));
    const link = (href, text, id) => html`
      <li class="pf-v5-c-nav__item">
        <a class="pf-v5-c-nav__link ${this.current === id && this.isHere(href) ? 'pf-m-current' : ''}" href=${href}
           aria-current=${this.current === id && this.isHere(href) ? 'page' : 'false'} data-test=${`nav-${id}`}
           @click=${() => this.closeSidebarOnSmallScreens()}>${text}</a>
      </li>`;
    return html`
      <div class="pf-v5-c-page__sidebar ${this.sidebarOpen ? 'pf-m-expanded' : 'pf-m-collapsed'}" id="sidebar">
        <div class="pf-v5-c-page__sidebar-body">
          <nav class="pf-v5-c-nav" aria-label=${t('app.menu')}>
            ${tenantPages.length ? html`
              <section class="pf-v5-c-nav__section" aria-labelledby="nav-tenant">
                <h2 class="pf-v5-c-nav__section-title" id="nav-tenant">${this.tenant.name}</h2>
                <ul class="pf-v5-c-nav__list">
                  ${tenantPages.map((page) => link(`#/tenants/${encodeURIComponent(this.tenant.id)}/${page.id}`, t(page.nav), page.id))}
                </ul>
              </section>` : nothing}
            ${adminPages.length ? html`
              <section class="pf-v5-c-nav__section" aria-labelledby="nav-realm">
                <h2 class="pf-v5-c-nav__section-title" id="nav-realm">${t('nav.realm')}</h2>
                <ul class="pf-v5-c-nav__list">
                  ${adminPages.map((page) => link(`#/admin/${page.id}`, t(page.nav), page.id))}
                </ul>
              </section>` : nothing}
          </nav>
        </div>
      </div>`;
  }

  closeSidebarOnSmallScreens() {
    if (!window.matchMedia('(min-width: 1200px)').matches) {
      this.sidebarOpen = false;
      this.render();
    }
  }

  isHere(href) {
    return location.hash === href;
  }

  main() {
    const ended = this.sessionEnded ? html`<section class="pf-v5-c-page__main-section">
        ${alert('danger', t('app.sessionEnded'), '', { test: 'session-ended' })}
        ${button(t('app.signInAgain'), () => location.reload(), { variant: 'primary', test: 'sign-in-again' })}</section>` : nothing;
    return html`${ended}${this.content()}`;
  }

  content() {
    if (this.tenantsError) {
      return html`<section class="pf-v5-c-page__main-section">${errorAlert(this.tenantsError)}</section>`;
    }
    if (this.pageError) {
      return html`<section class="pf-v5-c-page__main-section">
        ${errorAlert(this.pageError, 'page-error')}
        ${button(t('common.retry'), () => this.retry(), { test: 'retry' })}</section>`;
    }
    if (this.page) {
      return this.page.view();
    }
    if (!this.defaultRoute()) {
      return html`<section class="pf-v5-c-page__main-section">
        ${emptyState(t('app.noTenants.title'), t('app.noTenants.body'), nothing, 'no-tenants')}</section>`;
    }
    return loading();
  }
}

/** The name to greet with, from the access token. */
function whoIs(claims) {
  return { id: claims.sub, username: claims.preferred_username, name: claims.name || claims.preferred_username || claims.sub };
}

/**
 * Which admin pages to offer, from the admin roles the console's token carries (its client may carry only these).
 * The admin API decides anyway; this only hides what would be refused.
 */
function adminRolesOf(claims) {
  // The console's client exists in the realms of the SaaS, never in the admin realm: realm-management holds the roles.
  const roles = claims.resource_access?.['realm-management']?.roles ?? [];
  const has = (...names) => names.some((name) => roles.includes(name));
  return {
    viewRealm: has('view-realm', 'manage-realm'),
    manageRealm: has('manage-realm'),
    viewTenants: has('view-organizations', 'manage-organizations', 'manage-realm'),
    manageTenants: has('manage-organizations', 'manage-realm'),
    // Listing groups needs query-groups, putting invitees into one needs manage-users: offer groups with both.
    assignGroups: has('manage-users') && has('query-groups', 'view-users', 'manage-users'),
  };
}

function followColourScheme() {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => document.documentElement.classList.toggle('pf-v5-theme-dark', dark.matches);
  apply();
  dark.addEventListener('change', apply);
}

function skipToMain(event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

new ConsoleApp(document.getElementById('app')).start();
