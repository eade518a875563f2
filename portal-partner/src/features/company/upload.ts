/** PUT the raw file to the API (same origin: the session cookie goes along); 413/415 answer a coded error. */
export async function uploadScan(
  qualificationId: string,
  file: File,
): Promise<{ ok: true } | { ok: false; code: string; reason?: string }> {
  try {
    const res = await fetch(`/files/qualifications/${encodeURIComponent(qualificationId)}`, {
      method: 'PUT',
      body: file,
      credentials: 'same-origin',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        'x-medchannel-app': 'portal',
        'x-file-name': encodeURIComponent(file.name),
      },
    });
    if (res.ok) return { ok: true };
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; reason?: string } } | null;
    return { ok: false, code: body?.error?.code ?? (res.status === 403 ? 'FORBIDDEN' : 'INTERNAL'), reason: body?.error?.reason };
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
}
