// PatternFly 5 markup (Keycloak's own CSS) as small template functions, so pages read as what they show.
import { html, nothing, ifDefined, live, ref } from './lit.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';

let nextId = 0;

/** A fresh id for label/field and dialog/title pairs. */
export function uid(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** The words for an API error: what the status means, in the user's language, and the server's own reason. */
export function errorText(error) {
  if (!(error instanceof ApiError)) {
    return { title: t('error.other', { status: '?' }), detail: error?.message ?? '' };
  }
  const known = ['0', '400', '401', '403', '404', '409', '429', '503'];
  const title = known.includes(String(error.status)) ? t(`error.${error.status}`) : t('error.other', { status: error.status });
  const retry = error.retryAfter ? ` ${t('error.retryAfter', { seconds: error.retryAfter })}` : '';
  return { title, detail: (error.message || '') + retry };
}

/** A page's header section: title (focused after navigation, for screen readers), description and actions. */
export function pageHeader(title, description, actions = nothing) {
  return html`
    <section class="pf-v5-c-page__main-section pf-m-light tc-page-header">
      <div class="tc-page-header__row">
        <div>
          <h1 class="pf-v5-c-title pf-m-2xl" tabindex="-1" data-page-title>${title}</h1>
          ${description ? html`<p class="tc-description">${description}</p>` : nothing}
        </div>
        <div class="tc-page-header__actions">${actions}</div>
      </div>
    </section>`;
}

export function section(content, label) {
  return html`<section class="pf-v5-c-page__main-section" aria-label=${ifDefined(label)}>${content}</section>`;
}

export function subTitle(text) {
  return html`<h2 class="pf-v5-c-title pf-m-lg tc-subtitle">${text}</h2>`;
}

/** An inline alert; danger alerts are announced at once. */
export function alert(variant, title, detail = '', attrs = {}) {
  return html`
    <div class="pf-v5-c-alert pf-m-inline pf-m-${variant} tc-alert" role=${variant === 'danger' ? 'alert' : 'status'}
         data-test=${ifDefined(attrs.test)}>
      <p class="pf-v5-c-alert__title"><span class="pf-v5-screen-reader">${t(`alert.${variant}`)}: </span>${title}</p>
      ${detail ? html`<div class="pf-v5-c-alert__description"><p>${detail}</p></div>` : nothing}
    </div>`;
}

/** An API error, shown where it happened (under a form, beside a row). Nothing when there is none. */
export function errorAlert(error, test = 'error') {
  if (!error) {
    return nothing;
  }
  const { title, detail } = errorText(error);
  return alert('danger', title, detail, { test });
}

/** An empty state that says what to do next. */
export function emptyState(title, body, action = nothing, test = 'empty') {
  return html`
    <div class="pf-v5-c-empty-state pf-m-sm" data-test=${test}>
      <div class="pf-v5-c-empty-state__content">
        <div class="pf-v5-c-empty-state__header">
          <div class="pf-v5-c-empty-state__title"><h2 class="pf-v5-c-empty-state__title-text">${title}</h2></div>
        </div>
        <div class="pf-v5-c-empty-state__body">${body}</div>
        ${action === nothing ? nothing : html`<div class="pf-v5-c-empty-state__footer">${action}</div>`}
      </div>
    </div>`;
}

export function loading() {
  return html`<div class="tc-loading" role="status" aria-live="polite">${t('app.loading')}</div>`;
}

export function button(label, onClick, { variant = 'secondary', test, disabled = false, type = 'button', describedBy } = {}) {
  return html`<button type=${type} class="pf-v5-c-button pf-m-${variant}" data-test=${ifDefined(test)}
      ?disabled=${disabled} aria-describedby=${ifDefined(describedBy)} @click=${onClick}>${label}</button>`;
}

export function label(text, variant = '') {
  return html`<span class="pf-v5-c-label ${variant ? `pf-m-${variant}` : ''}"><span class="pf-v5-c-label__content">${text}</span></span>`;
}

/**
 * A table that becomes a list of cards on narrow screens (PatternFly's grid mode); each cell carries its column
 * name for that view. {@code rows} are arrays of cells, {@code rowTest} names a row for tests.
 */
export function table(caption, columns, rows, rowTest = () => undefined) {
  return html`
    <table class="pf-v5-c-table pf-m-grid-md pf-m-compact" role="grid">
      <caption class="pf-v5-screen-reader">${caption}</caption>
      <thead class="pf-v5-c-table__thead">
        <tr class="pf-v5-c-table__tr">${columns.map((column) => html`<th class="pf-v5-c-table__th pf-m-wrap" scope="col">${column}</th>`)}</tr>
      </thead>
      <tbody class="pf-v5-c-table__tbody">
        ${rows.map((row, index) => html`
          <tr class="pf-v5-c-table__tr" data-test=${ifDefined(rowTest(index))}>
            ${row.map((cell, column) => html`<td class="pf-v5-c-table__td" data-label=${columns[column]}>${cell}</td>`)}
          </tr>`)}
      </tbody>
    </table>`;
}

/** A form group: label, control, helper text and the error that belongs to this field. */
export function field(id, text, control, { required = false, helper = '', error = '' } = {}) {
  return html`
    <div class="pf-v5-c-form__group">
      <div class="pf-v5-c-form__group-label">
        <label class="pf-v5-c-form__label" for=${id}>
          <span class="pf-v5-c-form__label-text">${text}</span>
          ${required ? html`<span class="pf-v5-c-form__label-required" aria-hidden="true"> *</span>` : nothing}
        </label>
      </div>
      <div class="pf-v5-c-form__group-control">
        ${control}
        ${helper || error ? html`
          <div class="pf-v5-c-form__helper-text" id=${`${id}-helper`} aria-live="polite">
            <div class="pf-v5-c-helper-text">
              <div class="pf-v5-c-helper-text__item ${error ? 'pf-m-error' : ''}">
                <span class="pf-v5-c-helper-text__item-text">${error || helper}</span>
              </div>
            </div>
          </div>` : nothing}
      </div>
    </div>`;
}

/**
 * A text field. {@code masked} hides what is typed without being a password field, so browsers neither offer to
 * save a third party's secret as this site's password nor suggest one.
 */
export function textInput(id, value, onInput, { type = 'text', required = false, test, invalid = false, autocomplete = 'off', min, max, masked = false } = {}) {
  return html`<span class="pf-v5-c-form-control ${invalid ? 'pf-m-error' : ''}">
    <input id=${id} type=${type} class=${masked ? 'tc-masked' : ''} spellcheck=${masked ? 'false' : 'true'} .value=${live(value ?? '')} ?required=${required} aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${`${id}-helper`} autocomplete=${autocomplete} data-test=${ifDefined(test)}
      min=${ifDefined(min)} max=${ifDefined(max)} @input=${(e) => onInput(e.target.value)}></span>`;
}

export function select(id, value, options, onChange, { test, labelText } = {}) {
  return html`<span class="pf-v5-c-form-control">
    <select id=${id} data-test=${ifDefined(test)} aria-label=${ifDefined(labelText)} @change=${(e) => onChange(e.target.value)}>
      ${options.map(([optionValue, optionLabel]) => html`<option value=${optionValue} ?selected=${optionValue === value}>${optionLabel}</option>`)}
    </select></span>`;
}

/** A group of checkboxes (roles, permissions, scopes) in a fieldset with a legend. */
export function checkboxes(legend, name, options, chosen, onToggle, { test, disabled = () => false, error = '' } = {}) {
  return html`
    <fieldset class="pf-v5-c-form__group tc-fieldset" data-test=${ifDefined(test)}>
      <legend class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${legend}</span></legend>
      <div class="pf-v5-c-form__group-control pf-m-inline">
        ${options.map(([value, text], index) => {
          const id = `${name}-${index}`;
          return html`<div class="pf-v5-c-check">
            <input class="pf-v5-c-check__input" type="checkbox" id=${id} name=${name} .checked=${chosen.includes(value)}
              ?disabled=${disabled(value)} data-value=${value} @change=${(e) => onToggle(value, e.target.checked)}>
            <label class="pf-v5-c-check__label" for=${id}>${text}</label></div>`;
        })}
        ${error ? html`<div class="pf-v5-c-helper-text"><div class="pf-v5-c-helper-text__item pf-m-error">
          <span class="pf-v5-c-helper-text__item-text">${error}</span></div></div>` : nothing}
      </div>
    </fieldset>`;
}

/**
 * A modal dialog. While it is open, the masthead and menu are inert, Tab stays inside it, and focus starts on its
 * first field — or, in a dialog without fields (a confirmation), on the dialog itself, so that a second press of
 * Enter does not confirm by accident. Escape and ✕ close it unless {@code closable} is false (a secret shown once
 * closes only through its own button). Focus returns to what opened it. The caller renders it only while open.
 */
export function modal(title, body, footer, onClose, { test = 'dialog', variant = 'sm', closable = true } = {}) {
  const titleId = uid('dialog-title');
  const close = closable ? onClose : () => {};
  return html`
    <div class="pf-v5-c-backdrop">
      <div class="pf-v5-l-bullseye">
        <div class="pf-v5-c-modal-box pf-m-${variant}" role="dialog" aria-modal="true" aria-labelledby=${titleId}
             tabindex="-1" data-test=${test} @keydown=${(e) => keepFocusInside(e, close)} ${ref(openDialog)}>
          ${closable ? html`<button class="pf-v5-c-button pf-m-plain tc-modal-close" type="button" aria-label=${t('common.close')}
                  @click=${onClose}>✕</button>` : nothing}
          <header class="pf-v5-c-modal-box__header"><h1 class="pf-v5-c-modal-box__title" id=${titleId}>${title}</h1></header>
          <div class="pf-v5-c-modal-box__body">${body}</div>
          <footer class="pf-v5-c-modal-box__footer">${footer}</footer>
        </div>
      </div>
    </div>`;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [href]';
const BEHIND = ['.pf-v5-c-masthead', '.pf-v5-c-page__sidebar', '.pf-v5-c-skip-to-content'];
let opener = null;

function keepFocusInside(event, close) {
  if (event.key === 'Escape') {
    close();
    return;
  }
  if (event.key !== 'Tab') {
    return;
  }
  const focusable = [...event.currentTarget.querySelectorAll(FOCUSABLE)];
  if (!focusable.length) {
    event.preventDefault();
    return;
  }
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && (document.activeElement === first || document.activeElement === event.currentTarget)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** Called by lit-html with the dialog when it appears and with undefined when it goes. */
function openDialog(element) {
  const behind = BEHIND.flatMap((selector) => [...document.querySelectorAll(selector)]);
  if (element) {
    if (element.contains(document.activeElement)) {
      return;
    }
    if (!document.activeElement?.closest('.pf-v5-c-modal-box')) {
      opener ??= document.activeElement;
    }
    behind.forEach((node) => { node.inert = true; });
    queueMicrotask(() => {
      const field = element.querySelector('input:not([type=hidden]):not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled])');
      (field ?? element).focus();
    });
  } else {
    queueMicrotask(() => {
      if (document.querySelector('.pf-v5-c-modal-box')) {
        return; // another dialog took this one's place (a form followed by its result)
      }
      BEHIND.flatMap((selector) => [...document.querySelectorAll(selector)]).forEach((node) => { node.inert = false; });
      const back = opener;
      opener = null;
      if (back?.isConnected) {
        back.focus();
      }
    });
  }
}

/**
 * A secret shown once (a new API key, a revealed credential, an invitation link): read-only, with a copy button
 * and the warning that it will not be shown again.
 */
export function secretOnce(id, labelText, value, warning, test = 'secret') {
  return html`
    ${alert('warning', warning)}
    <div class="pf-v5-c-form__group">
      <label class="pf-v5-c-form__label" for=${id}><span class="pf-v5-c-form__label-text">${labelText}</span></label>
      <div class="pf-v5-c-clipboard-copy">
        <div class="pf-v5-c-clipboard-copy__group">
          <span class="pf-v5-c-form-control pf-m-readonly">
            <input id=${id} type="text" readonly .value=${value} data-test=${test} autocomplete="off" spellcheck="false"></span>
          <button class="pf-v5-c-button pf-m-control" type="button" data-test=${`${test}-copy`}
                  @click=${(e) => copy(e.currentTarget, value)}>${t('common.copy')}</button>
        </div>
      </div>
      <p class="tc-help" role="status" aria-live="polite" data-copy-status></p>
    </div>`;
}

async function copy(buttonElement, value) {
  const input = buttonElement.closest('.pf-v5-c-clipboard-copy').querySelector('input');
  let copied = false;
  try {
    await navigator.clipboard.writeText(value);
    copied = true;
  } catch (e) {
    input.select();
    copied = document.execCommand('copy');
  }
  // Said next to the field (announced), not written into the button lit-html renders.
  const status = buttonElement.closest('.pf-v5-c-form__group').querySelector('[data-copy-status]');
  if (status) {
    status.textContent = copied ? t('common.copied') : t('common.copyByHand');
  }
  if (!copied) {
    input.select();
  }
}
