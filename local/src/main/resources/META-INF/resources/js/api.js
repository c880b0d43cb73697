// Every call the page makes: POST /<function> with a JSON body, as any front end would (docs/api.md).
// A refusal is application/problem+json; its `detail` is what the person reads.

export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? null;
    this.title = body?.title ?? null;
    this.body = body ?? {};
  }
}

let token = null;

export function useToken(value) {
  token = value;
}

export async function call(fn, body = {}, { anonymous = false } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token && !anonymous) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(`/${fn}`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (e) {
    throw new Problem(0, { detail: e.message, code: 'network' });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { detail: text };
  }
  if (!response.ok) {
    // API Gateway's own refusals carry {"message"} instead of problem+json
    throw new Problem(response.status, json && !json.detail && json.message ? { detail: json.message } : json);
  }
  return json;
}

export async function tokenFor(userId) {
  const answer = await call('dev-token', { sub: userId }, { anonymous: true });
  return answer.token;
}
