// The credential store's key-encryption keys (KEK) for realm admins: the versions this node has, the realm's
// primary, how many credentials each version wraps, and the rotate and rewrap actions (manage-realm). While a
// rewrap runs on this node the page asks for its progress every two seconds; leaving the page stops that.
import { html, nothing } from '../lit.js';
import { ApiError } from '../api.js';
import { addMessages, formatDate, t } from '../i18n.js';
import { Page } from './page.js';
import { alert, button, emptyState, errorAlert, field, label, modal, pageHeader, section, select, subTitle, table } from '../ui.js';

const POLL_MILLIS = 2000;

export default class AdminKeysPage extends Page {
  async load() {
    await this.read();
    this.poll();
  }

  /** Reads the status; a 503 (no KEK on this node) is a state of the page, not a failure to load it. */
  async read() {
    try {
      this.status = await this.app.api.admin('GET', '/keys');
      this.unavailable = null;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503) {
        throw error;
      }
      this.status = null;
      this.unavailable = error;
    }
  }

  get mayManage() {
    return this.app.admin.manageRealm;
  }

  get running() {
    return this.status?.rewrap?.state === 'RUNNING';
  }

  view() {
    const refresh = button(t('adminKeys.refresh'), () => this.refresh(), { test: 'refresh', disabled: this.busy === 'refresh' });
    return html`
      ${pageHeader(t('adminKeys.title'), t('adminKeys.description'), refresh)}
      ${errorAlert(this.error('refresh'), 'refresh-error')}
      ${this.status ? this.statusView() : this.unavailableView()}
      ${this.rotating ? this.rotateDialog() : nothing}
      ${this.confirmRewrap ? this.rewrapDialog() : nothing}`;
  }

  unavailableView() {
    return section(emptyState(t('adminKeys.unavailable.title'), html`
      <p>${t('adminKeys.unavailable.body')}</p>
      <p class="tc-muted" data-test="unavailable-reason">${this.unavailable?.message ?? ''}</p>`, nothing, 'keys-unavailable'));
  }

  statusView() {
    const status = this.status;
    const counts = status.credentialsByVersion ?? {};
    const versions = [...new Set([...(status.availableVersions ?? []).map(Number), ...Object.keys(counts).map(Number)])].sort((a, b) => a - b);
    const rows = versions.map((version) => [
      html`<span data-test="version">${version}</span>
        ${version === status.primaryVersion ? html` ${label(t('adminKeys.primary'), 'blue')}` : nothing}`,
      (status.availableVersions ?? []).includes(version) ? label(t('adminKeys.available'), 'green') : label(t('adminKeys.missing'), 'red'),
      html`<span data-test="count">${counts[String(version)] ?? 0}</span>`,
    ]);
    return html`
      ${section(html`
        ${status.primaryAvailable ? nothing : alert('danger', t('adminKeys.primaryMissing', { version: status.primaryVersion }), '', { test: 'primary-missing' })}
        <dl class="pf-v5-c-description-list tc-settings pf-m-horizontal pf-m-compact">
          ${term(t('adminKeys.primaryVersion'), html`<span data-test="keys-primary">${status.primaryVersion}</span>
            <span class="tc-muted">${status.realmPrimaryVersion === null || status.realmPrimaryVersion === undefined
              ? t('adminKeys.followsNode') : t('adminKeys.chosenForRealm')}</span>`)}
          ${term(t('adminKeys.nodePrimary'), status.nodePrimaryVersion)}
          ${term(t('adminKeys.availableVersions'), html`<span data-test="keys-available">${(status.availableVersions ?? []).join(', ') || t('common.none')}</span>`)}
          ${term(t('adminKeys.pendingRewrap'), html`<span data-test="keys-pending">${status.pendingRewrap}</span>`)}
          ${term(t('adminKeys.pendingRebind', { version: status.bindingVersion }), html`<span data-test="keys-pending-rebind">${status.pendingRebind}</span>`)}
        </dl>
        ${subTitle(t('adminKeys.versions'))}
        ${versions.length ? table(t('adminKeys.versions'), [t('adminKeys.version'), t('adminKeys.onThisNode'), t('adminKeys.credentials')], rows,
          (index) => `version-${versions[index]}`) : html`<p class="tc-muted">${t('common.none')}</p>`}
        ${this.mayManage ? html`
          <div class="tc-actions tc-keys-actions">
            ${button(t('adminKeys.rotate'), () => this.openRotate(), { test: 'rotate', disabled: this.running })}
            ${button(t('adminKeys.rewrap'), () => { this.confirmRewrap = true; this.errors = {}; this.update(); },
              { variant: 'primary', test: 'rewrap', disabled: this.running })}
          </div>
          <p class="tc-help">${t('adminKeys.actionsHelp')}</p>` : html`<p class="tc-help">${t('adminKeys.viewOnly')}</p>`}
      `, t('adminKeys.title'))}
      ${section(this.progressView(), t('adminKeys.progress'))}`;
  }

  progressView() {
    const run = this.status.rewrap;
    if (!run) {
      return html`${subTitle(t('adminKeys.progress'))}<p class="tc-muted" data-test="no-rewrap">${t('adminKeys.noRewrap')}</p>`;
    }
    const variant = { RUNNING: 'blue', COMPLETED: 'green', FAILED: 'red', RUNNING_ELSEWHERE: 'orange' }[run.state] ?? '';
    return html`
      ${subTitle(t('adminKeys.progress'))}
      <div aria-live="polite">
        <p><span data-test="rewrap-state">${label(t(`adminKeys.state.${run.state}`), variant)}</span>
          ${this.running ? html` <span class="tc-muted">${t('adminKeys.polling')}</span>` : nothing}</p>
        <dl class="pf-v5-c-description-list tc-settings pf-m-horizontal pf-m-compact">
          ${term(t('adminKeys.targetVersion'), run.targetVersion)}
          ${term(t('adminKeys.rewrapped'), html`<span data-test="rewrapped">${run.rewrapped}</span>`)}
          ${term(t('adminKeys.rebound'), run.rebound)}
          ${term(t('adminKeys.changedMeanwhile'), run.changedMeanwhile)}
          ${term(t('adminKeys.unreadable'), run.unreadable)}
          ${term(t('adminKeys.startedAt'), formatDate(run.startedAt))}
          ${term(t('adminKeys.finishedAt'), formatDate(run.finishedAt))}
        </dl>
        ${run.message ? alert(run.state === 'FAILED' ? 'danger' : 'info', run.message, '', { test: 'rewrap-message' }) : nothing}
        ${run.unreadable > 0 ? alert('warning', t('adminKeys.unreadableHelp'), '', { test: 'rewrap-unreadable' }) : nothing}
      </div>`;
  }

  async refresh() {
    await this.act('refresh', () => this.read());
    this.poll();
  }

  openRotate() {
    const available = this.status.availableVersions ?? [];
    this.rotating = { version: String(available[available.length - 1] ?? '') };
    this.errors = {};
    this.update();
  }

  rotateDialog() {
    const close = () => { this.rotating = null; this.update(); };
    const options = (this.status.availableVersions ?? []).map((version) => [String(version),
      version === this.status.primaryVersion ? `${version} (${t('adminKeys.primary')})` : String(version)]);
    return modal(t('adminKeys.rotateTitle'), html`
      <form class="pf-v5-c-form" id="rotate-form" @submit=${(e) => { e.preventDefault(); this.rotate(); }}>
        ${field('rotate-version', t('adminKeys.newPrimary'), select('rotate-version', this.rotating.version, options,
          (value) => { this.rotating.version = value; }, { test: 'rotate-version' }))}
        <p>${t('adminKeys.rotateBody')}</p>
        ${errorAlert(this.error('rotate'), 'rotate-error')}
      </form>`, html`
      <button class="pf-v5-c-button pf-m-primary" type="submit" form="rotate-form" data-test="confirm-rotate"
              ?disabled=${this.busy === 'rotate'}>${t('adminKeys.rotate')}</button>
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'rotate-dialog' });
  }

  async rotate() {
    const version = Number(this.rotating.version);
    const answer = await this.act('rotate', () => this.app.api.admin('POST', '/keys/rotate', { version }));
    if (answer) {
      this.status = answer;
      this.rotating = null;
      this.update();
    }
  }

  rewrapDialog() {
    const close = () => { this.confirmRewrap = false; this.update(); };
    return modal(t('adminKeys.rewrapTitle', { version: this.status.primaryVersion }), html`
      <p>${t('adminKeys.rewrapBody', { count: this.status.pendingRewrap, rebind: this.status.pendingRebind })}</p>
      ${this.status.pendingRebind > 0 ? alert('info', t('adminKeys.rebindNote')) : nothing}
      ${errorAlert(this.error('rewrap'), 'rewrap-error')}`, html`
      ${button(t('adminKeys.rewrap'), () => this.rewrap(), { variant: 'primary', test: 'confirm-rewrap', disabled: this.busy === 'rewrap' })}
      ${button(t('common.cancel'), close, { variant: 'link' })}`, close, { test: 'rewrap-dialog' });
  }

  async rewrap() {
    const answer = await this.act('rewrap', () => this.app.api.admin('POST', '/keys/rewrap'));
    if (answer) {
      this.status = answer;
      this.confirmRewrap = false;
      this.update();
      this.poll();
    }
  }

  /** Follows a running rewrap until it ends or the user leaves the page. */
  poll() {
    clearTimeout(this.timer);
    if (!this.running) {
      return;
    }
    this.timer = setTimeout(async () => {
      this.timer = null;
      // Another page is shown: stop (the shell sets this page as current right after its load, long before this runs).
      if (this.app.page !== this) {
        return;
      }
      try {
        await this.read();
        this.errors = { ...(this.errors ?? {}), refresh: null };
      } catch (error) {
        this.errors = { ...(this.errors ?? {}), refresh: error };
      }
      this.update();
      this.poll();
    }, POLL_MILLIS);
  }

}

function term(name, value) {
  return html`
    <div class="pf-v5-c-description-list__group">
      <dt class="pf-v5-c-description-list__term"><span class="pf-v5-c-description-list__text">${name}</span></dt>
      <dd class="pf-v5-c-description-list__description"><div class="pf-v5-c-description-list__text">${value ?? '—'}</div></dd>
    </div>`;
}

addMessages({
  en: {
    'adminKeys.title': 'Encryption keys',
    'adminKeys.description': 'The key-encryption keys (KEK) that protect the stored credentials of this realm. New secrets are sealed under the primary version; a rewrap moves every credential to it.',
    'adminKeys.refresh': 'Refresh',
    'adminKeys.unavailable.title': 'No key-encryption key is configured',
    'adminKeys.unavailable.body': 'The credential store cannot seal or reveal secrets until the server has a KEK. An operator sets one (see the credentials documentation) and restarts the server; then refresh this page.',
    'adminKeys.primary': 'primary',
    'adminKeys.available': 'configured',
    'adminKeys.missing': 'not on this node',
    'adminKeys.primaryMissing': 'The primary version {version} is not configured on this node or is retired: new secrets cannot be sealed. Rotate to a configured version.',
    'adminKeys.primaryVersion': 'Primary version',
    'adminKeys.followsNode': '(the server\'s primary)',
    'adminKeys.chosenForRealm': '(chosen for this realm)',
    'adminKeys.nodePrimary': 'Server\'s primary version',
    'adminKeys.availableVersions': 'Versions on this node',
    'adminKeys.pendingRewrap': 'Credentials under another version',
    'adminKeys.pendingRebind': 'Credentials of an older binding (before version {version})',
    'adminKeys.versions': 'Versions',
    'adminKeys.version': 'Version',
    'adminKeys.onThisNode': 'On this node',
    'adminKeys.credentials': 'Credentials',
    'adminKeys.rotate': 'Rotate',
    'adminKeys.rewrap': 'Rewrap',
    'adminKeys.actionsHelp': 'Rotate makes another configured version the realm\'s primary. Rewrap then moves every credential to the primary, in the background.',
    'adminKeys.viewOnly': 'Rotating and rewrapping need the manage-realm role.',
    'adminKeys.rotateTitle': 'Rotate the primary key',
    'adminKeys.newPrimary': 'New primary version',
    'adminKeys.rotateBody': 'New secrets of this realm are sealed under this version from now on. Existing credentials keep their version until a rewrap.',
    'adminKeys.rewrapTitle': 'Rewrap every credential under version {version}?',
    'adminKeys.rewrapBody': '{count} credentials are under another version and {rebind} of an older binding. The rewrap runs in the background; the values stay encrypted.',
    'adminKeys.rebindNote': 'Credentials of the older binding are decrypted briefly in the server\'s memory to be sealed again under the current binding.',
    'adminKeys.progress': 'Rewrap',
    'adminKeys.noRewrap': 'No rewrap has run on this server since it started.',
    'adminKeys.polling': 'Updated every few seconds.',
    'adminKeys.state.RUNNING': 'Running',
    'adminKeys.state.COMPLETED': 'Done',
    'adminKeys.state.FAILED': 'Failed',
    'adminKeys.state.RUNNING_ELSEWHERE': 'Running on another server',
    'adminKeys.targetVersion': 'Target version',
    'adminKeys.rewrapped': 'Rewrapped',
    'adminKeys.rebound': 'Moved to the current binding',
    'adminKeys.changedMeanwhile': 'Changed meanwhile (skipped)',
    'adminKeys.unreadable': 'Unreadable',
    'adminKeys.unreadableHelp': 'Some credentials could not be decrypted and were left as they are; the server log names them.',
    'adminKeys.startedAt': 'Started',
    'adminKeys.finishedAt': 'Finished',
  },
  de: {
    'adminKeys.title': 'Verschlüsselungsschlüssel',
    'adminKeys.description': 'Die Schlüssel-Verschlüsselungsschlüssel (KEK), die die gespeicherten Zugangsdaten dieses Realms schützen. Neue Geheimnisse werden mit der primären Version versiegelt; ein Umschlüsseln bringt alle Zugangsdaten auf sie.',
    'adminKeys.refresh': 'Aktualisieren',
    'adminKeys.unavailable.title': 'Kein Schlüssel-Verschlüsselungsschlüssel konfiguriert',
    'adminKeys.unavailable.body': 'Der Speicher für Zugangsdaten kann keine Geheimnisse versiegeln oder anzeigen, bis der Server einen KEK hat. Der Betrieb richtet ihn ein (siehe Dokumentation der Zugangsdaten) und startet den Server neu; aktualisieren Sie dann diese Seite.',
    'adminKeys.primary': 'primär',
    'adminKeys.available': 'konfiguriert',
    'adminKeys.missing': 'nicht auf diesem Knoten',
    'adminKeys.primaryMissing': 'Die primäre Version {version} ist auf diesem Knoten nicht konfiguriert oder stillgelegt: Neue Geheimnisse können nicht versiegelt werden. Wechseln Sie auf eine konfigurierte Version.',
    'adminKeys.primaryVersion': 'Primäre Version',
    'adminKeys.followsNode': '(die primäre des Servers)',
    'adminKeys.chosenForRealm': '(für diesen Realm gewählt)',
    'adminKeys.nodePrimary': 'Primäre Version des Servers',
    'adminKeys.availableVersions': 'Versionen auf diesem Knoten',
    'adminKeys.pendingRewrap': 'Zugangsdaten unter einer anderen Version',
    'adminKeys.pendingRebind': 'Zugangsdaten einer älteren Bindung (vor Version {version})',
    'adminKeys.versions': 'Versionen',
    'adminKeys.version': 'Version',
    'adminKeys.onThisNode': 'Auf diesem Knoten',
    'adminKeys.credentials': 'Zugangsdaten',
    'adminKeys.rotate': 'Wechseln',
    'adminKeys.rewrap': 'Umschlüsseln',
    'adminKeys.actionsHelp': 'Wechseln macht eine andere konfigurierte Version zur primären des Realms. Umschlüsseln bringt danach alle Zugangsdaten im Hintergrund auf die primäre Version.',
    'adminKeys.viewOnly': 'Wechseln und Umschlüsseln erfordern die Rolle manage-realm.',
    'adminKeys.rotateTitle': 'Primären Schlüssel wechseln',
    'adminKeys.newPrimary': 'Neue primäre Version',
    'adminKeys.rotateBody': 'Neue Geheimnisse dieses Realms werden ab jetzt mit dieser Version versiegelt. Vorhandene Zugangsdaten behalten ihre Version bis zum Umschlüsseln.',
    'adminKeys.rewrapTitle': 'Alle Zugangsdaten auf Version {version} umschlüsseln?',
    'adminKeys.rewrapBody': '{count} Zugangsdaten liegen unter einer anderen Version und {rebind} unter einer älteren Bindung. Das Umschlüsseln läuft im Hintergrund; die Werte bleiben verschlüsselt.',
    'adminKeys.rebindNote': 'Zugangsdaten der älteren Bindung werden kurz im Speicher des Servers entschlüsselt, um sie unter der aktuellen Bindung neu zu versiegeln.',
    'adminKeys.progress': 'Umschlüsseln',
    'adminKeys.noRewrap': 'Seit dem Start dieses Servers wurde nicht umgeschlüsselt.',
    'adminKeys.polling': 'Wird alle paar Sekunden aktualisiert.',
    'adminKeys.state.RUNNING': 'Läuft',
    'adminKeys.state.COMPLETED': 'Fertig',
    'adminKeys.state.FAILED': 'Fehlgeschlagen',
    'adminKeys.state.RUNNING_ELSEWHERE': 'Läuft auf einem anderen Server',
    'adminKeys.targetVersion': 'Zielversion',
    'adminKeys.rewrapped': 'Umgeschlüsselt',
    'adminKeys.rebound': 'Auf die aktuelle Bindung gebracht',
    'adminKeys.changedMeanwhile': 'Zwischendurch geändert (übersprungen)',
    'adminKeys.unreadable': 'Nicht lesbar',
    'adminKeys.unreadableHelp': 'Einige Zugangsdaten ließen sich nicht entschlüsseln und blieben unverändert; das Serverprotokoll nennt sie.',
    'adminKeys.startedAt': 'Begonnen',
    'adminKeys.finishedAt': 'Beendet',
  },
});
