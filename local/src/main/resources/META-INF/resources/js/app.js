import { call, Problem, tokenFor, useToken } from './api.js';
import { chooseLanguage, currentLanguage, setLanguage, t, translateStatic } from './i18n.js';
import { fill, h, notice } from './dom.js';
import { state } from './state.js';
import { renderBilling, renderInvoices } from './billing.js';
import { initBuy, renderBuy } from './buy.js';
import { initSubAccounts, loadSubAccounts, renderSubAccounts } from './subaccounts.js';
import { initDevPanel, refreshEvents, renderDevPanel } from './devpanel.js';

// The demo users of the local app's demo data (README, "Local mode walk-through").
const DEMO_USERS = ['owner-acme', 'member-acme', 'subuser-acme', 'owner-trial', 'owner-globex-declined', 'owner-initech-3ds'];
const OTHER = '';

const params = new URLSearchParams(location.search);

function renderWho() {
  const select = document.getElementById('user');
  const chosen = select.value;
  fill(
    select,
    DEMO_USERS.map((id) => h('option', { value: id }, `${t(`user.${id}`)} (${id})`)),
    h('option', { value: OTHER }, t('who.other')),
  );
  select.value = chosen;
  document.getElementById('other-wrap').hidden = select.value !== OTHER;
  fill('who-status', state.user ? t('who.as', { user: state.user }) : t('who.none'));
}

function renderEntitlements() {
  const e = state.entitlements;
  const body = document.getElementById('ent-body');
  if (!e) return fill(body);
  const row = (key, value) => [h('dt', {}, t(`ent.${key}`)), h('dd', { id: `ent-${key}` }, value)];
  fill(
    body,
    row('presenterSeats', e.presenterSeats),
    row('parallelEvents', e.parallelEvents),
    row('storageGb', e.storageGb),
    row('recordingHours', e.recordingHours),
    row('subAccountSeats', `${e.subAccountSeats.used} / ${e.subAccountSeats.total}`),
  );
}

function renderAll() {
  translateStatic();
  document.querySelectorAll('[data-lang]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === currentLanguage())));
  renderWho();
  renderBilling();
  renderInvoices();
  renderBuy();
  renderSubAccounts();
  renderEntitlements();
  renderDevPanel();
}

async function attempt(target, work) {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    notice(target, e.message, 'error');
    return null;
  }
}

async function refreshAll() {
  if (!state.user) return renderAll();
  notice('billing-notice', null);
  notice('ent-notice', null);
  state.details = await attempt('billing-notice', () => call('billing-details'));
  state.entitlements = await attempt('ent-notice', () => call('entitlements'));
  const owner = state.details !== null;
  if (owner) {
    const page = await attempt('billing-notice', () => call('invoices'));
    state.invoices = page?.invoices ?? [];
    state.nextCursor = page?.nextCursor ?? null;
    state.subAccounts = await attempt('sub-notice', loadSubAccounts);
  } else {
    state.invoices = [];
    state.nextCursor = null;
    state.subAccounts = null;
  }
  // what only an owner may do is not offered to members and sub-account users
  document.getElementById('buy').hidden = !owner;
  document.getElementById('subaccounts').hidden = !owner;
  await attempt('dev-notice', refreshEvents);
  renderAll();
  document.body.dataset.loaded = String(Date.now());
}

async function signIn(userId) {
  state.user = userId;
  state.details = null;
  state.entitlements = null;
  state.subAccounts = null;
  notice('buy-notice', null);
  notice('sub-notice', null);
  try {
    useToken(await tokenFor(userId));
  } catch (e) {
    notice('billing-notice', e.message, 'error');
    return;
  }
  const url = new URL(location.href);
  url.searchParams.set('user', userId);
  history.replaceState(null, '', url);
  await refreshAll();
}

async function init() {
  state.hooks = { refresh: refreshAll, render: renderAll };
  setLanguage(chooseLanguage(params.get('lang') ?? localStorage.getItem('billing-page.lang'), navigator.languages));
  document.querySelectorAll('[data-lang]').forEach((button) =>
    button.addEventListener('click', () => {
      setLanguage(button.dataset.lang);
      localStorage.setItem('billing-page.lang', button.dataset.lang);
      renderAll();
    }),
  );
  const select = document.getElementById('user');
  select.addEventListener('change', () => {
    document.getElementById('other-wrap').hidden = select.value !== OTHER;
  });
  document.getElementById('who').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = select.value === OTHER ? document.getElementById('user-other').value.trim() : select.value;
    if (id) signIn(id);
  });
  initBuy();
  initSubAccounts();
  await initDevPanel();
  renderAll();
  const requested = params.get('user');
  if (requested) {
    if (DEMO_USERS.includes(requested)) select.value = requested;
    else {
      select.value = OTHER;
      document.getElementById('user-other').value = requested;
    }
    renderWho();
    signIn(requested);
  } else {
    document.body.dataset.loaded = String(Date.now());
  }
}

init();
