import { call, Problem } from './api.js';
import { fill, h, notice } from './dom.js';
import { day, duration, label, money, t } from './i18n.js';
import { refresh, state } from './state.js';
import { productNow } from './devpanel.js';

const ADD_ONS = ['PRESENTERS', 'PARALLEL_EVENTS', 'SUB_ACCOUNTS', 'STORAGE', 'RECORDING_SPACE', 'USERNAME_CHANGE'];

// the quote on screen, the idempotency key of the one purchase it may become, and a 3-D Secure step if asked
let quote = null;
let idempotencyKey = null;
let authentication = null;
let timer = null;

function renderExpiry(now) {
  const out = document.getElementById('quote-expiry');
  if (!out || !quote) return;
  const left = Date.parse(quote.expiresAt) - now;
  out.dataset.expired = String(left <= 0);
  out.textContent = left > 0 ? t('buy.expiresIn', { time: duration(left) }) : t('buy.expired');
}

async function tick() {
  if (!quote) return;
  try {
    renderExpiry(await productNow());
  } catch {
    renderExpiry(Date.now());
  }
}

function renderQuote() {
  if (!quote) return fill('quote');
  const q = quote;
  const charge = money(q.chargeNow, q.currency);
  fill(
    'quote',
    h(
      'dl',
      { class: 'prices' },
      h('dt', {}, t('buy.cyclePrice', { days: q.cycleDays })),
      h('dd', { id: 'quote-cycle-price', class: 'price' }, money(q.cyclePrice, q.currency)),
      h('dt', {}, t('buy.chargeNow')),
      h('dd', { id: 'quote-charge-now', class: 'price' }, charge),
    ),
    h('p', { id: 'quote-days' }, t('buy.daysLeft', { n: q.daysRemaining, date: day(q.cycleEnd) })),
    h('p', {}, q.renewsOn ? t('buy.renewsOn', { date: day(q.renewsOn) }) : t('buy.oneTime')),
    h('p', { id: 'quote-expiry', role: 'timer', 'aria-live': 'off' }),
    authentication
      ? h(
          'div',
          { id: 'authentication', class: 'authentication', role: 'group', 'aria-labelledby': 'authentication-h' },
          h('p', { id: 'authentication-h' }, t('buy.authenticate')),
          h('button', { type: 'button', id: 'auth-succeed', onclick: () => authenticate('succeeded') }, t('buy.authSucceed')),
          ' ',
          h('button', { type: 'button', id: 'auth-fail', onclick: () => authenticate('failed') }, t('buy.authFail')),
        )
      : h('button', { type: 'button', id: 'pay', class: 'primary', onclick: pay }, t('buy.pay', { amount: charge })),
  );
  tick();
}

export function renderBuy() {
  const select = document.getElementById('addon');
  const chosen = select.value || ADD_ONS[0];
  fill(select, ADD_ONS.map((a) => h('option', { value: a }, label('addOn', a))));
  select.value = chosen;
  renderQuote();
}

function forget() {
  quote = null;
  idempotencyKey = null;
  authentication = null;
}

async function settled(purchase) {
  const amount = money(purchase.amountCharged, purchase.currency);
  const what = { addOn: label('addOn', purchase.addOn), quantity: purchase.quantity, amount };
  if (purchase.status === 'PENDING_PAYMENT' && purchase.nextAction) {
    authentication = purchase;
    renderQuote();
    document.getElementById('auth-succeed').focus();
    return;
  }
  forget();
  await refresh();
  if (purchase.status === 'FAILED') notice('buy-notice', t('buy.declined'), 'error');
  else if (purchase.status === 'PENDING_PAYMENT') notice('buy-notice', t('buy.pending'), 'info');
  else notice('buy-notice', t('buy.paid', what), 'success');
}

async function pay() {
  notice('buy-notice', null);
  try {
    await settled(await call('purchase', { quoteId: quote.quoteId, idempotencyKey }));
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    // a refused quote cannot be bought any more; after a lost answer the same key retries safely
    if (e.status === 409 || e.status === 404) forget();
    renderQuote();
    notice('buy-notice', e.message, 'error');
  }
}

/** Locally the bank's 3-D Secure page is played by dev-authenticate; a real front end uses Stripe.js with clientSecret. */
async function authenticate(outcome) {
  try {
    await call('dev-authenticate', { purchaseId: authentication.purchaseId, outcome }, { anonymous: true });
    authentication = null;
    await pay();
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    notice('buy-notice', e.message, 'error');
  }
}

export function initBuy() {
  document.getElementById('quote-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    notice('buy-notice', null);
    forget();
    renderQuote();
    try {
      quote = await call('quote', { addOn: document.getElementById('addon').value, quantity: Number(document.getElementById('quantity').value) });
      idempotencyKey = crypto.randomUUID();
      renderQuote();
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      notice('buy-notice', e.message, 'error');
    }
  });
  timer ??= setInterval(tick, 1000);
}
