// What the apps show in zh-CN (web-shared's useFormat), for tests that compare a screen with the API's figures.

export interface Money {
  amount: string;
  currency: string;
}

/** An amount as the apps format it; the decimal string is formatted as it is, not through a float. */
export const zhMoney = (m: Money): string =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: m.currency }).format(m.amount as unknown as number);

/** A day as the apps format it, in China time. */
export const zhDate = (iso: string): string =>
  new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
