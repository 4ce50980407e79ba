// Invitations of the tenant: invite someone by email with roles this user may grant, list them by status, send one
// again or revoke it. A member's invitation goes out by mail only; the self-service API never returns the link.
import { html, nothing } from '../lit.js';
import { segment } from '../api.js';
import { addMessages, formatDate, t } from '../i18n.js';
import { Page } from './page.js';
import {
  alert, button, checkboxes, emptyState, errorAlert, field, label, modal, pageHeader, section, secretOnce, select,
  subTitle, table, textInput,
} from '../ui.js';

const PAGE_SIZE = 50;
const STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired', 'void'];
const STATUS_COLOURS = { pending: 'blue', accepted: 'green', declined: 'orange', revoked: 'red', expired: 'grey', void: 'grey' };
// Empty: the realm's default lifespan (invitationLifespanSeconds). The API accepts 60 s to 30 days.
const LIFESPANS = ['', '86400', '604800', '1209600', '2592000'];

export default class InvitationsPage extends Page {
  async load() {
    this.status = this.status ?? '';
    this.draft = this.draft ?? emptyDraft();
    this.invitations = await this.fetch(0);
    this.more = this.invitations.length === PAGE_SIZE;
  }

  fetch(first) {
    const query = new URLSearchParams({ first: String(first), max: String(PAGE_SIZE) });
    if (this.status) {
      query.set('status', this.status);
    }
    return this.app.api.self('GET', `${this.base}?${query}`);
  }

  get base() {
    return `/tenants/${segment(this.params.tenantId)}/invitations`;
  }

  get grantable() {
    return this.app.tenant.grantableRoles;
  }

  /**
   * Resend and revoke follow the rule of create: every role of the invitation must be one this user may grant, and an
   * invitation with groups is for realm admins only. The API refuses anyway; this hides what would be refused.
   */
  mayHandle(invitation) {
    return invitation.status === 'pending' && (invitation.groups ?? []).length === 0
      && invitation.roles.every((role) => this.grantable.includes(role));
  }

  view() {
    return html`
      ${pageHeader(t('invitations.title'), t('invitations.description'))}
      ${section(this.createForm(), t('invitations.new'))}
      ${section(this.list(), t('invitations.list'))}
      ${this.revoking ? this.revokeDialog() : nothing}`;
  }

  createForm() {
    const draft = this.draft;
    const lifespanOptions = LIFESPANS.map((value) => [value, t(`invitations.lifespan.${value || 'default'}`)]);
    return html`
      ${subTitle(t('invitations.new'))}
      <form class="pf-v5-c-form tc-invite-form" novalidate data-test="invite-form" @submit=${(e) => this.create(e)}>
        ${field('invite-email', t('invitations.email'),
          textInput('invite-email', draft.email, (value) => { draft.email = value; }, { type: 'email', required: true, test: 'invite-email', autocomplete: 'off' }),
          { required: true, helper: t('invitations.email.help') })}
        ${this.grantable.length
          ? checkboxes(t('invitations.roles'), 'invite-role', this.grantable.map((role) => [role, role]), draft.roles,
            (role, on) => { draft.roles = on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role); this.update(); },
            { test: 'invite-roles' })
          : html`<p class="tc-help" data-test="no-grantable-roles">${t('invitations.noGrantableRoles')}</p>`}
        ${field('invite-lifespan', t('invitations.lifespan'),
          select('invite-lifespan', draft.lifespan, lifespanOptions, (value) => { draft.lifespan = value; }, { test: 'invite-lifespan' }),
          { helper: t('invitations.lifespan.help') })}
        ${errorAlert(this.error('create'), 'invite-error')}
        <div class="pf-v5-c-form__group pf-m-action"><div class="pf-v5-c-form__actions">
          ${button(t('invitations.send'), undefined, { type: 'submit', variant: 'primary', test: 'send-invitation', disabled: this.busy === 'create' })}
        </div></div>
        ${this.issued ? this.issuedAlert() : nothing}
      </form>`;
  }

  /** What became of the last invitation sent: mailed, or saved but not mailed (with why), or a link shown once. */
  issuedAlert() {
    const issued = this.issued;
    const parts = [];
    if (issued.emailSent === false) {
      parts.push(alert('warning', t('invitations.notMailed', { email: issued.email }), issued.emailError ?? '', { test: 'invite-not-mailed' }));
    } else if (issued.emailSent) {
      parts.push(alert('success', t('invitations.mailed', { email: issued.email }), '', { test: 'invite-sent' }));
    }
    if (issued.link) {
      // Only realm admins on the admin API ever get a link; kept in memory until dismissed, never stored.
      parts.push(secretOnce('invitation-link', t('invitations.link'), issued.link, t('invitations.linkOnce'), 'invitation-link'));
      if (issued.warning) {
        parts.push(alert('warning', issued.warning));
      }
      parts.push(button(t('invitations.linkDone'), () => { this.issued = null; this.update(); }, { variant: 'link', test: 'link-done' }));
    }
    return parts;
  }

  list() {
    const statusOptions = [['', t('invitations.status.all')], ...STATUSES.map((status) => [status, t(`invitations.status.${status}`)])];
    const rows = this.invitations.map((invitation) => [
      html`<span data-test="invitation-email">${invitation.email}</span>`,
      html`<span data-test="invitation-roles">${invitation.roles.length ? invitation.roles.map((role) => label(role)) : t('common.none')}</span>`,
      html`<span data-test="invitation-status">${label(t(`invitations.status.${invitation.status}`), STATUS_COLOURS[invitation.status])}</span>`,
      invitation.inviterName ?? '—',
      this.when(invitation),
      this.rowActions(invitation),
    ]);
    return html`
      ${subTitle(t('invitations.list'))}
      <div class="pf-v5-c-toolbar"><div class="pf-v5-c-toolbar__content"><div class="pf-v5-c-toolbar__content-section">
        <div class="pf-v5-c-toolbar__item">
          <label class="pf-v5-c-form__label" for="invitation-status"><span class="pf-v5-c-form__label-text">${t('invitations.filter')}</span></label>
        </div>
        <div class="pf-v5-c-toolbar__item">
          ${select('invitation-status', this.status, statusOptions, (value) => this.filter(value), { test: 'status-filter' })}
        </div>
      </div></div></div>
      ${errorAlert(this.error('list'), 'list-error')}
      ${this.invitations.length === 0
        ? emptyState(this.status ? t('invitations.noMatch', { status: t(`invitations.status.${this.status}`) }) : t('invitations.empty.title'),
          this.status ? t('invitations.noMatch.body') : t('invitations.empty.body'))
        : table(t('invitations.list'), [t('invitations.email'), t('invitations.roles'), t('invitations.status'),
          t('invitations.invitedBy'), t('invitations.when'), t('common.actions')], rows,
        (index) => `invitation-${this.invitations[index].email}`)}
      ${this.more ? button(t('common.more'), () => this.showMore(), { variant: 'link', test: 'more' }) : nothing}`;
  }

  /** The date that matters for the status: until when a pending one works, when the others ended. */
  when(invitation) {
    switch (invitation.status) {
      case 'pending': return t('invitations.expiresAt', { date: formatDate(invitation.expiresAt) });
      case 'accepted': return t('invitations.acceptedAt', { date: formatDate(invitation.acceptedAt) });
      case 'declined': return t('invitations.declinedAt', { date: formatDate(invitation.declinedAt) });
      case 'revoked':
      case 'void': return t('invitations.endedAt', { date: formatDate(invitation.revokedAt) });
      default: return t('invitations.expiredAt', { date: formatDate(invitation.expiresAt) });
    }
  }

  rowActions(invitation) {
    const actions = [];
    if (this.mayHandle(invitation)) {
      const busy = this.busy === `row-${invitation.id}`;
      actions.push(button(t('invitations.resend'), () => this.resend(invitation), { variant: 'secondary', test: 'resend', disabled: busy }));
      actions.push(button(t('common.revoke'), () => { this.revoking = invitation; this.errors = { ...this.errors, revoke: null }; this.update(); },
        { variant: 'link', test: 'revoke', disabled: busy }));
    }
    const done = this.resent?.id === invitation.id
      ? alert(this.resent.emailSent === false ? 'warning' : 'success',
        this.resent.emailSent === false ? t('invitations.notMailed', { email: invitation.email }) : t('invitations.mailed', { email: invitation.email }),
        this.resent.emailError ?? '', { test: 'resent' })
      : nothing;
    return html`<div class="tc-actions">${actions.length ? actions : html`<span class="tc-muted">—</span>`}</div>
      ${errorAlert(this.error(`row-${invitation.id}`), 'row-error')}${done}`;
  }

  async create(event) {
    event.preventDefault();
    this.issued = null;
    const draft = this.draft;
    const body = { email: draft.email.trim(), roles: draft.roles };
    if (draft.lifespan) {
      body.lifespanSeconds = Number(draft.lifespan);
    }
    const issued = await this.act('create', () => this.app.api.self('POST', this.base, body));
    if (issued) {
      this.issued = issued;
      this.draft = emptyDraft();
      await this.refresh();
    }
  }

  async resend(invitation) {
    this.resent = null;
    const resent = await this.act(`row-${invitation.id}`, () => this.app.api.self('POST', `${this.base}/${segment(invitation.id)}/resend`));
    if (resent) {
      this.resent = resent;
      this.replace(resent);
    }
  }

  revokeDialog() {
    const invitation = this.revoking;
    const close = () => { this.revoking = null; this.update(); };
    return modal(t('invitations.revokeTitle', { email: invitation.email }), html`
      <p>${t('invitations.revokeBody')}</p>${errorAlert(this.error('revoke'), 'revoke-error')}`, html`
      ${button(t('common.revoke'), () => this.revoke(invitation), { variant: 'danger', test: 'confirm-revoke', disabled: this.busy === 'revoke' })}
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'revoke-dialog' });
  }

  async revoke(invitation) {
    const revoked = await this.act('revoke', () => this.app.api.self('POST', `${this.base}/${segment(invitation.id)}/revoke`));
    if (revoked) {
      this.revoking = null;
      this.replace(revoked);
    }
  }

  /** Puts a changed invitation in its row, or drops the row when it no longer matches the filter. */
  replace(changed) {
    this.invitations = this.invitations
      .map((invitation) => (invitation.id === changed.id ? changed : invitation))
      .filter((invitation) => !this.status || invitation.status === this.status);
    this.update();
  }

  async filter(status) {
    this.status = status;
    await this.refresh();
  }

  async refresh() {
    const found = await this.act('list', () => this.fetch(0));
    if (found) {
      this.invitations = found;
      this.more = found.length === PAGE_SIZE;
      this.update();
    }
  }

  async showMore() {
    const next = await this.act('list', () => this.fetch(this.invitations.length));
    if (next) {
      this.invitations = [...this.invitations, ...next];
      this.more = next.length === PAGE_SIZE;
      this.update();
    }
  }
}

function emptyDraft() {
  return { email: '', roles: [], lifespan: '' };
}

addMessages({
  en: {
    'invitations.title': 'Invitations',
    'invitations.description': 'Invite people to this tenant by email. The invitation mail carries a link that works once, for the invited address; you never see the link. You can hand out only roles that do not exceed your own.',
    'invitations.new': 'Invite someone',
    'invitations.list': 'Invitations of this tenant',
    'invitations.email': 'Email',
    'invitations.email.help': 'The invitation is sent to this address; only its owner can accept it.',
    'invitations.roles': 'Roles',
    'invitations.noGrantableRoles': 'You cannot hand out any role: the person joins without roles, and someone with more permissions can give them roles later.',
    'invitations.lifespan': 'Valid for',
    'invitations.lifespan.help': 'After this time the link no longer works; you can send it again with a new time.',
    'invitations.lifespan.default': 'The realm\'s default',
    'invitations.lifespan.86400': '1 day',
    'invitations.lifespan.604800': '7 days',
    'invitations.lifespan.1209600': '14 days',
    'invitations.lifespan.2592000': '30 days',
    'invitations.send': 'Send invitation',
    'invitations.mailed': 'The invitation was sent to {email}.',
    'invitations.notMailed': 'The invitation to {email} is saved but the mail could not be sent. Send it again once mail works.',
    'invitations.link': 'Invitation link',
    'invitations.linkOnce': 'This link is shown only now. Whoever has it can accept the invitation: pass it on only to the invited person.',
    'invitations.linkDone': 'I have passed the link on',
    'invitations.filter': 'Status',
    'invitations.status': 'Status',
    'invitations.status.all': 'All',
    'invitations.status.pending': 'pending',
    'invitations.status.accepted': 'accepted',
    'invitations.status.declined': 'declined',
    'invitations.status.revoked': 'revoked',
    'invitations.status.expired': 'expired',
    'invitations.status.void': 'void (inviter can no longer invite)',
    'invitations.invitedBy': 'Invited by',
    'invitations.when': 'Date',
    'invitations.expiresAt': 'valid until {date}',
    'invitations.acceptedAt': 'accepted {date}',
    'invitations.declinedAt': 'declined {date}',
    'invitations.endedAt': 'ended {date}',
    'invitations.expiredAt': 'expired {date}',
    'invitations.resend': 'Send again',
    'invitations.revokeTitle': 'Revoke the invitation to {email}?',
    'invitations.revokeBody': 'The link stops working at once. You can invite the address again later.',
    'invitations.empty.title': 'No invitations yet',
    'invitations.empty.body': 'Invite someone with the form above: they get an email with a link to join this tenant.',
    'invitations.noMatch': 'No {status} invitations',
    'invitations.noMatch.body': 'Choose another status, or All, to see the other invitations.',
  },
  de: {
    'invitations.title': 'Einladungen',
    'invitations.description': 'Laden Sie Personen per E-Mail in diesen Mandanten ein. Die Einladungs-E-Mail enthält einen Link, der einmal und nur für die eingeladene Adresse funktioniert; Sie sehen den Link nie. Sie können nur Rollen vergeben, die Ihre eigenen nicht übersteigen.',
    'invitations.new': 'Jemanden einladen',
    'invitations.list': 'Einladungen dieses Mandanten',
    'invitations.email': 'E-Mail',
    'invitations.email.help': 'Die Einladung geht an diese Adresse; nur deren Inhaber kann sie annehmen.',
    'invitations.roles': 'Rollen',
    'invitations.noGrantableRoles': 'Sie können keine Rolle vergeben: Die Person tritt ohne Rollen bei; jemand mit mehr Berechtigungen kann ihr später Rollen geben.',
    'invitations.lifespan': 'Gültig für',
    'invitations.lifespan.help': 'Danach funktioniert der Link nicht mehr; Sie können ihn mit neuer Frist erneut senden.',
    'invitations.lifespan.default': 'Standard des Realms',
    'invitations.lifespan.86400': '1 Tag',
    'invitations.lifespan.604800': '7 Tage',
    'invitations.lifespan.1209600': '14 Tage',
    'invitations.lifespan.2592000': '30 Tage',
    'invitations.send': 'Einladung senden',
    'invitations.mailed': 'Die Einladung wurde an {email} gesendet.',
    'invitations.notMailed': 'Die Einladung an {email} ist gespeichert, aber die E-Mail konnte nicht gesendet werden. Senden Sie sie erneut, sobald der Mailversand funktioniert.',
    'invitations.link': 'Einladungslink',
    'invitations.linkOnce': 'Dieser Link wird nur jetzt angezeigt. Wer ihn hat, kann die Einladung annehmen: Geben Sie ihn nur an die eingeladene Person weiter.',
    'invitations.linkDone': 'Ich habe den Link weitergegeben',
    'invitations.filter': 'Status',
    'invitations.status': 'Status',
    'invitations.status.all': 'Alle',
    'invitations.status.pending': 'offen',
    'invitations.status.accepted': 'angenommen',
    'invitations.status.declined': 'abgelehnt',
    'invitations.status.revoked': 'widerrufen',
    'invitations.status.expired': 'abgelaufen',
    'invitations.status.void': 'hinfällig (Einladende Person darf nicht mehr einladen)',
    'invitations.invitedBy': 'Eingeladen von',
    'invitations.when': 'Datum',
    'invitations.expiresAt': 'gültig bis {date}',
    'invitations.acceptedAt': 'angenommen am {date}',
    'invitations.declinedAt': 'abgelehnt am {date}',
    'invitations.endedAt': 'beendet am {date}',
    'invitations.expiredAt': 'abgelaufen am {date}',
    'invitations.resend': 'Erneut senden',
    'invitations.revokeTitle': 'Einladung an {email} widerrufen?',
    'invitations.revokeBody': 'Der Link funktioniert sofort nicht mehr. Sie können die Adresse später erneut einladen.',
    'invitations.empty.title': 'Noch keine Einladungen',
    'invitations.empty.body': 'Laden Sie mit dem Formular oben jemanden ein: Die Person erhält eine E-Mail mit einem Link, um diesem Mandanten beizutreten.',
    'invitations.noMatch': 'Keine Einladungen mit Status „{status}“',
    'invitations.noMatch.body': 'Wählen Sie einen anderen Status oder „Alle“, um die übrigen Einladungen zu sehen.',
  },
});
