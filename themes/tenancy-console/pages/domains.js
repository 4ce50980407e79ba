// Domains of the tenant: claim one, publish the TXT record the API gives, verify it; and whether colleagues with an
// address there join by themselves. Verified domains are the
// domains of Keycloak's organization; a claim waits with its challenge until DNS holds it. Members with
// manage-tenant only (the API decides; its refusal is shown beside the form or the row).
import { html, nothing } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, t } from '../i18n.js';
import { Page } from './page.js';
import {
  button, emptyState, errorAlert, field, label, modal, pageHeader, section, select, subTitle, table, textInput,
} from '../ui.js';

export default class DomainsPage extends Page {
  async load() {
    this.draft = this.draft ?? '';
    this.domains = await this.app.api.self('GET', this.base);
    // Its own error: a failure here must not hide the domains.
    this.join = { mode: 'off' };
    await this.act('join', async () => {
      this.join = await this.app.api.self('GET', `/tenants/${segment(this.params.tenantId)}/join`);
    });
    this.joinDraft = { mode: this.join.mode, defaultRole: this.join.defaultRole ?? '' };
  }

  get base() {
    return `/tenants/${segment(this.params.tenantId)}/domains`;
  }

  view() {
    return html`
      ${pageHeader(t('domains.title'), t('domains.description'))}
      ${section(this.addForm(), t('domains.add'))}
      ${section(this.list(), t('domains.list'))}
      ${section(this.joinForm(), t('join.title'))}
      ${this.removing ? this.removeDialog() : nothing}`;
  }

  addForm() {
    return html`
      ${subTitle(t('domains.add'))}
      <form class="pf-v5-c-form" novalidate data-test="domain-form" @submit=${(e) => this.add(e)}>
        ${field('domain-name', t('domains.domain'),
          textInput('domain-name', this.draft, (value) => { this.draft = value; }, { required: true, test: 'domain-name' }),
          { required: true, helper: t('domains.domain.help') })}
        ${errorAlert(this.error('add'), 'add-error')}
        <div class="pf-v5-c-form__group pf-m-action"><div class="pf-v5-c-form__actions">
          ${button(t('domains.addButton'), undefined, { type: 'submit', variant: 'primary', test: 'add-domain', disabled: this.busy === 'add' })}
        </div></div>
      </form>`;
  }

  list() {
    if (this.domains.length === 0) {
      return html`${subTitle(t('domains.list'))}${emptyState(t('domains.empty.title'), t('domains.empty.body'))}`;
    }
    const rows = this.domains.map((domain) => [
      html`<span data-test="domain">${domain.domain}</span>`,
      html`<span data-test="domain-status">${domain.verified
        ? label(t('domains.verified'), 'green') : label(t('domains.pending'), 'blue')}</span>`,
      domain.challenge ? this.record(domain) : html`<span class="tc-muted">—</span>`,
      this.rowActions(domain),
    ]);
    return html`
      ${subTitle(t('domains.list'))}
      ${table(t('domains.list'), [t('domains.domain'), t('domains.status'), t('domains.record'), t('common.actions')], rows,
        (index) => `domain-${this.domains[index].domain}`)}`;
  }

  /** The TXT record to publish, and what the last verify found when it failed. */
  record(domain) {
    return html`
      <dl class="tc-record">
        <dt>${t('domains.recordName')}</dt><dd><code data-test="challenge-name">${domain.challenge.name}</code></dd>
        <dt>${t('domains.recordValue')}</dt><dd><code data-test="challenge-value">${domain.challenge.value}</code></dd>
      </dl>
      ${errorAlert(this.error(`verify-${domain.domain}`), 'verify-error')}`;
  }

  rowActions(domain) {
    return html`<div class="tc-actions">
      ${domain.verified ? nothing : button(t('domains.verify'), () => this.verify(domain),
        { variant: 'primary', test: 'verify-domain', disabled: this.busy === `verify-${domain.domain}` })}
      ${button(t('common.delete'), () => { this.removing = domain; this.update(); }, { variant: 'link', test: 'remove-domain' })}
    </div>`;
  }

  /** The tenant's join policy: off, suggest or auto, with a role this user may grant (the API checks again). */
  joinForm() {
    const draft = this.joinDraft;
    const roles = this.app.tenant.grantableRoles ?? [];
    const verified = this.domains.some((domain) => domain.verified);
    return html`
      ${subTitle(t('join.title'))}
      <p class="tc-help">${t('join.description')}</p>
      ${verified ? nothing : html`<p class="tc-help" data-test="join-no-domain">${t('join.noVerifiedDomain')}</p>`}
      <form class="pf-v5-c-form" novalidate data-test="join-form" @submit=${(e) => this.saveJoin(e)}>
        ${field('join-mode', t('join.mode'),
          select('join-mode', draft.mode, [['off', t('join.mode.off')], ['suggest', t('join.mode.suggest')], ['auto', t('join.mode.auto')]],
            (value) => { draft.mode = value; this.update(); }, { test: 'join-mode' }))}
        ${draft.mode === 'off' ? nothing : field('join-role', t('join.role'),
          select('join-role', draft.defaultRole, [['', t('join.role.choose')], ...roles.map((role) => [role, role])],
            (value) => { draft.defaultRole = value; }, { test: 'join-role' }), { helper: t('join.role.help') })}
        ${errorAlert(this.error('join'), 'join-error')}
        ${this.joinSaved ? html`<p class="tc-help" data-test="join-saved">${t('join.saved')}</p>` : nothing}
        <div class="pf-v5-c-form__group pf-m-action"><div class="pf-v5-c-form__actions">
          ${button(t('common.save'), undefined, { type: 'submit', variant: 'primary', test: 'save-join', disabled: this.busy === 'join' })}
        </div></div>
      </form>`;
  }

  async saveJoin(event) {
    event.preventDefault();
    this.joinSaved = false;
    const draft = this.joinDraft;
    const body = draft.mode === 'off' ? { mode: 'off' } : { mode: draft.mode, defaultRole: draft.defaultRole || undefined };
    const saved = await this.act('join', () => this.app.api.self('PUT', `/tenants/${segment(this.params.tenantId)}/join`, body));
    if (saved) {
      this.join = saved;
      this.joinSaved = true;
      this.update();
    }
  }

  async add(event) {
    event.preventDefault();
    const added = await this.act('add', () => this.app.api.self('POST', this.base, { domain: this.draft.trim() }));
    if (added) {
      this.draft = '';
      this.put(added);
    }
  }

  async verify(domain) {
    const verified = await this.act(`verify-${domain.domain}`,
      () => this.app.api.self('POST', `${this.base}/${segment(domain.domain)}/verify`));
    if (verified) {
      this.put(verified);
    }
  }

  removeDialog() {
    const domain = this.removing;
    const close = () => { this.removing = null; this.update(); };
    return modal(t('domains.removeTitle', { domain: domain.domain }), html`
      <p>${t(domain.verified ? 'domains.removeVerified' : 'domains.removeClaim')}</p>
      ${errorAlert(this.error('remove'), 'remove-error')}`, html`
      ${button(t('common.delete'), () => this.remove(domain), { variant: 'danger', test: 'confirm-remove', disabled: this.busy === 'remove' })}
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'remove-dialog' });
  }

  async remove(domain) {
    const removed = await this.act('remove', () => this.app.api.self('DELETE', `${this.base}/${segment(domain.domain)}`)
      .then(() => true));
    if (removed) {
      this.removing = null;
      this.domains = this.domains.filter((d) => d.domain !== domain.domain);
      this.update();
    }
  }

  /** Puts an added or changed domain in its row, in name order. */
  put(changed) {
    this.domains = [...this.domains.filter((d) => d.domain !== changed.domain), changed]
      .sort((a, b) => a.domain.localeCompare(b.domain));
    this.update();
  }
}

addMessages({
  en: {
    'domains.title': 'Domains',
    'domains.description': 'Prove that your organisation owns a domain by publishing a DNS record. Verified domains let Keycloak recognise your colleagues by their email address.',
    'domains.add': 'Add a domain',
    'domains.addButton': 'Add domain',
    'domains.domain': 'Domain',
    'domains.domain.help': 'One domain, such as example.com. You will receive a TXT record to publish in its DNS.',
    'domains.list': 'Domains of this tenant',
    'domains.empty.title': 'No domains yet',
    'domains.empty.body': 'Add your organisation\'s domain above to prove that you own it.',
    'domains.status': 'Status',
    'domains.verified': 'Verified',
    'domains.pending': 'Waiting for DNS',
    'domains.record': 'DNS record to publish',
    'domains.recordName': 'TXT name',
    'domains.recordValue': 'Value',
    'domains.verify': 'Verify',
    'domains.removeTitle': 'Remove {domain}?',
    'domains.removeVerified': 'The domain stops being a verified domain of this tenant. To get it back, it must be proven again with a new DNS record.',
    'domains.removeClaim': 'The claim and its DNS challenge are dropped. A record already published for it proves nothing any more.',
    'join.title': 'Joining by domain',
    'join.description': 'Colleagues whose verified email address is in one of this tenant\'s verified domains can ask to join, or become members by themselves, when they sign in. Nobody comes back this way who was removed, left or was denied.',
    'join.noVerifiedDomain': 'This tenant has no verified domain yet: nobody can join this way until one is verified.',
    'join.mode': 'Who joins',
    'join.mode.off': 'Nobody (invitations only)',
    'join.mode.suggest': 'Those who ask, once a member who manages members approves',
    'join.mode.auto': 'Everyone with a verified address, at sign-in',
    'join.role': 'Role of those who join',
    'join.role.choose': 'Choose a role',
    'join.role.help': 'Only roles you may grant yourself are offered, and none that manages anything: everyone with a mailbox in the domain gets it. Give more to people one by one.',
    'join.saved': 'Saved.',
  },
  de: {
    'domains.title': 'Domains',
    'domains.description': 'Weisen Sie durch einen DNS-Eintrag nach, dass Ihrer Organisation eine Domain gehört. Über bestätigte Domains erkennt Keycloak Ihre Kolleginnen und Kollegen an ihrer E-Mail-Adresse.',
    'domains.add': 'Domain hinzufügen',
    'domains.addButton': 'Domain hinzufügen',
    'domains.domain': 'Domain',
    'domains.domain.help': 'Eine Domain, etwa example.com. Sie erhalten einen TXT-Eintrag, den Sie in deren DNS veröffentlichen.',
    'domains.list': 'Domains dieses Mandanten',
    'domains.empty.title': 'Noch keine Domains',
    'domains.empty.body': 'Fügen Sie oben die Domain Ihrer Organisation hinzu, um nachzuweisen, dass sie Ihnen gehört.',
    'domains.status': 'Status',
    'domains.verified': 'Bestätigt',
    'domains.pending': 'Wartet auf DNS',
    'domains.record': 'Zu veröffentlichender DNS-Eintrag',
    'domains.recordName': 'TXT-Name',
    'domains.recordValue': 'Wert',
    'domains.verify': 'Prüfen',
    'domains.removeTitle': '{domain} entfernen?',
    'domains.removeVerified': 'Die Domain ist dann keine bestätigte Domain dieses Mandanten mehr. Um sie zurückzubekommen, muss sie mit einem neuen DNS-Eintrag erneut nachgewiesen werden.',
    'domains.removeClaim': 'Der Anspruch und seine DNS-Aufgabe werden verworfen. Ein bereits veröffentlichter Eintrag weist dann nichts mehr nach.',
    'join.title': 'Beitritt über die Domain',
    'join.description': 'Kolleginnen und Kollegen, deren bestätigte E-Mail-Adresse in einer bestätigten Domain dieses Mandanten liegt, können bei der Anmeldung um Aufnahme bitten oder selbst Mitglied werden. Wer entfernt wurde, ausgetreten ist oder abgelehnt wurde, kommt so nicht zurück.',
    'join.noVerifiedDomain': 'Dieser Mandant hat noch keine bestätigte Domain: Solange keine bestätigt ist, tritt niemand auf diesem Weg bei.',
    'join.mode': 'Wer beitritt',
    'join.mode.off': 'Niemand (nur Einladungen)',
    'join.mode.suggest': 'Wer anfragt, sobald ein Mitglied mit Mitgliederverwaltung annimmt',
    'join.mode.auto': 'Alle mit bestätigter Adresse, bei der Anmeldung',
    'join.role': 'Rolle der Beitretenden',
    'join.role.choose': 'Rolle wählen',
    'join.role.help': 'Angeboten werden nur Rollen, die Sie selbst vergeben dürfen, und keine, die etwas verwaltet: Alle mit einem Postfach in der Domain erhalten sie. Mehr vergeben Sie einzeln.',
    'join.saved': 'Gespeichert.',
  },
});
