import { call, Problem } from './api.js';
import { fill, h, notice } from './dom.js';
import { instant, t } from './i18n.js';
import { refresh, state } from './state.js';

// Local mode only (docs/openapi-local.yaml): the billing clock, the renewal tick, the events the platform received.
// Deployed, none of these functions exists and the panel stays hidden.

let clock = null;
let events = [];

const MINUTE = 60_000;

/** The product's time: the local billing clock when there is one, else this machine's. */
export async function productNow() {
  if (!state.devClock) return Date.now();
  clock = (await call('dev-clock', {}, { anonymous: true })).now;
  fill('clock', instant(clock));
  return Date.parse(clock);
}

async function setClock(epochMillis) {
  const answer = await call('dev-clock', { now: new Date(epochMillis).toISOString().replace('.000Z', 'Z') }, { anonymous: true });
  clock = answer.now;
  await refresh();
  notice('dev-notice', t('dev.clockSet', { now: instant(clock) }), 'success');
}

async function run(work) {
  try {
    await work();
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    notice('dev-notice', e.message, 'error');
  }
}

export async function refreshEvents() {
  if (!state.devClock) return;
  const answer = await call('dev-events', state.details ? { accountId: state.details.accountId } : {}, { anonymous: true });
  events = answer.events;
  renderEvents();
}

function renderEvents() {
  fill(
    'events',
    events.length
      ? events.map((e) =>
          h(
            'li',
            { dataset: { type: e.type } },
            h('span', { class: 'event-type' }, e.type),
            ` · ${e.accountId} #${e.sequence} · ${instant(e.occurredAt)}`,
            h('details', {}, h('summary', {}, 'data'), h('pre', {}, JSON.stringify(e.data, null, 2))),
          ),
        )
      : h('li', {}, t('dev.noEvents')),
  );
}

export function renderDevPanel() {
  document.getElementById('dev').hidden = !state.devClock;
  if (clock) fill('clock', instant(clock));
  renderEvents();
}

export async function initDevPanel() {
  const byId = (id) => document.getElementById(id);
  byId('dev').hidden = true;
  byId('clock-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = byId('clock-input').value;
    if (value) run(() => setClock(Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`)));
  });
  byId('clock-16m').addEventListener('click', () => run(async () => setClock((await productNow()) + 16 * MINUTE)));
  byId('clock-1d').addEventListener('click', () => run(async () => setClock((await productNow()) + 1440 * MINUTE)));
  // the cycle turns at 00:00 of cycleEnd in the account's zone: noon UTC that day is past it in every zone
  byId('clock-cycle-end').addEventListener('click', () =>
    run(async () => state.details && setClock(Date.parse(`${state.details.cycleEnd}T12:00:00Z`))),
  );
  byId('run-tick').addEventListener('click', () =>
    run(async () => {
      const result = await call('renewal-tick', {}, { anonymous: true });
      await refresh();
      notice('dev-notice', `${t('dev.tickResult', result)}${result.more ? ` ${t('dev.tickMore')}` : ''}`, 'success');
    }),
  );
  byId('events-refresh').addEventListener('click', () => run(refreshEvents));
  try {
    clock = (await call('dev-clock', {}, { anonymous: true })).now;
    state.devClock = true;
  } catch {
    state.devClock = false;
  }
}
