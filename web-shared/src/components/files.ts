/**
 * Fetches a stored document (e.g. /files/qualifications/<id>) and hands it to the browser as a download.
 * The API wants the session cookie and the audience header, which a plain link cannot send.
 */
export async function downloadFile(url: string, audience: 'console' | 'portal', name: string): Promise<boolean> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', headers: { 'x-medchannel-app': audience } });
    if (!res.ok) return false;
    const href = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return true;
  } catch {
    return false;
  }
}
