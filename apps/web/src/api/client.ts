import type { CommandResult } from '@cert/contracts';
import { ApiProblem } from './problem';
import { authHeaders, clearSession, credentials } from './session';

/**
 * Read-your-writes: the highest log position this tab has written. Every GET passes it as `?after=`, so a page
 * shown after an action already includes it (the API waits up to 2 s for its read models).
 */
let writtenUpTo: bigint | null = null;

export function noteWrite(position: unknown): void {
  if (typeof position !== 'string' || !/^\d+$/.test(position)) return;
  const p = BigInt(position);
  if (writtenUpTo === null || p > writtenUpTo) writtenUpTo = p;
}

let onSignedOut: () => void = () => undefined;
/** Called when the API says the session is gone (401), so the app can send the person to sign-in. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function url(path: string, query: Query = {}, read = false): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  if (read && writtenUpTo !== null) params.set('after', writtenUpTo.toString());
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

async function send(method: string, path: string, body?: unknown, query?: Query): Promise<Response> {
  const read = method === 'GET';
  const res = await fetch(url(path, query, read), {
    method,
    credentials,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...authHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const problem: unknown = await res.json().catch(() => ({ title: res.statusText }));
    const error = new ApiProblem(res.status, problem as Record<string, unknown>);
    // A 401 on sign-in itself is a wrong password, not an ended session.
    if (res.status === 401 && !path.startsWith('/auth/')) {
      clearSession();
      onSignedOut();
    }
    throw error;
  }
  return res;
}

export async function get<T>(path: string, query?: Query): Promise<T> {
  const res = await send('GET', path, undefined, query);
  return (await res.json()) as T;
}

/** A command: POST/PUT/DELETE; notes the answered `position` so the next reads wait until the read models include the write. */
export async function write<T = CommandResult>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body ?? (method === 'DELETE' ? undefined : {}));
  if (res.status === 204 || res.status === 202) return undefined as T;
  const json = (await res.json()) as T;
  noteWrite((json as { position?: unknown })?.position);
  return json;
}

/** A file the API answers (exports, PDF): fetched with the session, then saved by the browser. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await send('GET', path);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** docs/DOMAIN.md, Evidence: one file as multipart, to a path that says in its query where it goes. */
export async function upload<T>(path: string, query: Query, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(url(path, query), {
    method: 'POST',
    credentials,
    headers: { Accept: 'application/json', ...authHeaders() },
    body: form,
  });
  if (!res.ok) {
    const problem: unknown = await res.json().catch(() => ({ title: res.statusText }));
    throw new ApiProblem(res.status, problem as Record<string, unknown>);
  }
  const json = (await res.json()) as T;
  noteWrite((json as { position?: unknown })?.position);
  return json;
}

/** A document fetched with the session, as an object URL of its own type for a preview; the caller revokes it. */
export async function objectUrl(path: string): Promise<string> {
  const res = await send('GET', path);
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  return URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: type.split(';')[0] }));
}
