/** A short name of the device behind a user agent ("Chrome · Windows", "WeChat · iOS"), for the sessions list. */
export function deviceOf(ua: string | null): string {
  if (!ua) return '—';
  const browser =
    [
      [/MicroMessenger/i, 'WeChat'],
      [/DingTalk/i, 'DingTalk'],
      [/wxwork/i, 'WeCom'],
      [/Edg\//, 'Edge'],
      [/HeadlessChrome|Chrome\//, 'Chrome'],
      [/Firefox\//, 'Firefox'],
      [/Safari\//, 'Safari'],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? 'Browser';
  const os =
    [
      [/iPhone|iPad|iOS/, 'iOS'],
      [/Android/, 'Android'],
      [/Windows/, 'Windows'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/HarmonyOS/, 'HarmonyOS'],
      [/Linux/, 'Linux'],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? '';
  return os ? `${browser} · ${os}` : (browser as string);
}
