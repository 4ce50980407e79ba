// Leaving the tenant: any member may (the self-service API's DELETE on oneself), except the last one who can
// manage members — the API's 409 says so next to the button.
import { html } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, t } from '../i18n.js';
import { Page } from './page.js';
import { button, errorAlert, pageHeader, section } from '../ui.js';

export default class LeavePage extends Page {
  view() {
    const name = this.app.tenant.name;
    return html`
      ${pageHeader(t('leave.title', { name }), t('leave.description'))}
      ${section(html`
        <p class="tc-help">${t('leave.rejoin')}</p>
        ${errorAlert(this.error('leave'), 'leave-error')}
        <div class="tc-actions">
          ${button(t('leave.confirm', { name }), () => this.leave(), { variant: 'danger', test: 'confirm-leave', disabled: this.busy === 'leave' })}
        </div>`)}`;
  }

  async leave() {
    const tenantId = this.params.tenantId;
    const left = await this.act('leave', () => this.app.api.self('DELETE',
      `/tenants/${segment(tenantId)}/members/${segment(this.app.user.id)}`).then(() => true));
    if (left) {
      await this.app.loadTenants();
      this.app.tenant = null;
      this.app.navigate(this.app.defaultRoute() ?? '#/');
    }
  }
}

addMessages({
  en: {
    'leave.title': 'Leave {name}',
    'leave.description': 'You lose your roles and your access to this tenant at once, and your API keys for it stop working.',
    'leave.rejoin': 'To come back, you need a new invitation from someone who manages this tenant.',
    'leave.confirm': 'Leave {name}',
  },
  de: {
    'leave.title': '{name} verlassen',
    'leave.description': 'Sie verlieren sofort Ihre Rollen und den Zugang zu diesem Mandanten, und Ihre API-Schlüssel dafür funktionieren nicht mehr.',
    'leave.rejoin': 'Um zurückzukommen, brauchen Sie eine neue Einladung von jemandem, der diesen Mandanten verwaltet.',
    'leave.confirm': '{name} verlassen',
  },
});
