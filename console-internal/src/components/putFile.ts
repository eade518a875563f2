/** What an upload answers: the stored file, or the coded refusal (size, type, permission). */
export type UploadResult = { id: string; fileName: string; fileMime: string; fileSize: number } | { code: string; reason?: string };

/**
 * Puts a file's bytes to one of the API's upload paths (/files/…), with the session cookie and
 * the audience header as /graphql; the name travels URI-encoded in x-file-name.
 */
export async function putFile(path: string, file: File): Promise<UploadResult> {
  try {
    const res = await fetch(path, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'x-medchannel-app': 'console', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
    const body = (await res.json().catch(() => null)) as (UploadResult & { error?: { code?: string; reason?: string } }) | null;
    if (res.ok && body && 'id' in body) return body;
    return { code: body?.error?.code ?? (res.status === 429 ? 'RATE_LIMITED' : 'INTERNAL'), reason: body?.error?.reason ?? undefined };
  } catch {
    return { code: 'NETWORK' };
  }
}
