/**
 * The file client: the API's plain-HTTP paths (/files/…) want the session cookie and the app's
 * audience header (`x-medchannel-app`) as /graphql does, which a plain link or form cannot send.
 * Refusals come back coded, as from GraphQL: `{ error: { code, reason } }`.
 */
export type Audience = 'console' | 'portal';

/** A refused or failed file request: the server's code and reason, or NETWORK when none answered. */
export interface FileFailure {
  code: string;
  reason?: string;
  /** the URL parameter (or upload field) refused */
  field?: string;
  /** a refused export's row limit (reason TOO_MANY_ROWS) */
  limit?: number;
}

export type FileResult<T> = { ok: true; body: T } | ({ ok: false } & FileFailure);

const APP_HEADER = 'x-medchannel-app';

function fallbackCode(status: number): string {
  return status === 429 ? 'RATE_LIMITED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL';
}

/** A stored document's bytes (a scan, a photo), or null when it cannot be had. */
export async function fetchFile(url: string, audience: Audience): Promise<Blob | null> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { [APP_HEADER]: audience } });
    return res.ok ? await res.blob() : null;
  } catch {
    return null;
  }
}

/** Fetches a stored document (e.g. /files/qualifications/<id>) and hands it to the browser as a download. */
export async function downloadFile(url: string, audience: Audience, name: string): Promise<boolean> {
  return (await saveFile(url, audience, name)).ok;
}

/**
 * The same, answering why when it cannot: the server's coded refusal (an export's bad filter,
 * its row limit) or NETWORK. For a button that says what went wrong.
 */
export async function saveFile(url: string, audience: Audience, name: string): Promise<FileResult<null>> {
  let blob: Blob;
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { [APP_HEADER]: audience } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: Partial<FileFailure> } | null;
      const e = body?.error;
      return {
        ok: false,
        code: e?.code ?? fallbackCode(res.status),
        reason: e?.reason ?? undefined,
        field: e?.field ?? undefined,
        limit: e?.limit ?? undefined,
      };
    }
    blob = await res.blob();
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { ok: true, body: null };
}

/**
 * Sends a file's bytes as the body to an upload path (PUT stores a document, POST reads an import);
 * its name travels URI-encoded in x-file-name. Answers the server's JSON, or its coded refusal.
 */
export async function uploadFile<T = unknown>(
  path: string,
  file: File,
  audience: Audience,
  method: 'PUT' | 'POST' = 'PUT',
): Promise<FileResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        [APP_HEADER]: audience,
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
    });
    const body = (await res.json().catch(() => null)) as (T & { error?: { code?: string; reason?: string } }) | null;
    if (res.ok && !body?.error) return { ok: true, body: body as T };
    return { ok: false, code: body?.error?.code ?? fallbackCode(res.status), reason: body?.error?.reason ?? undefined };
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
}
