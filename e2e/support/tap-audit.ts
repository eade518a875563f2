import type { Page } from 'playwright-core';

// The accessibility audit of one screen, measured in the page (portal-tap-targets.e2e.ts):
//
// Tap targets (WCAG 2.5.5, the house's 44 px): every visible control — button, a[href], input,
// select, textarea, [role=button|checkbox|radio|switch|tab|combobox|option|menuitem|link], the
// password eye, antd's number handlers — is scrolled to the middle of the screen and its tap area
// is probed with elementFromPoint outwards from its centre, along both axes: the area the finger can
// hit, padding and invisible hit-area extensions (::before/::after) included, covered parts not.
// An input counts with the wrapper that takes its taps (its <label>, antd's affix/number/select box).
// Both sides must be ≥ 44 CSS px.
// The one exemption is WCAG 2.5.8's inline exception: a link inside a sentence (its parent's text
// runs on either side of it in the same line box), whose size the line of text sets.
//
// Names: every control has an accessible name — aria-label, aria-labelledby, a <label>, its own
// text, title or an image's alt. A placeholder alone is not a label.
//
// Contrast (WCAG 1.4.3): each visible text node's colour (its alpha composed) against the
// background composed from its ancestors' background colours; ≥ 4.5:1, or 3:1 for large text
// (≥ 24 px, or ≥ 18.66 px bold). Placeholders are text too. Text of disabled controls is exempt
// (WCAG: inactive user interface components), as is text over a background image.

interface AuditFinding {
  kind: 'size' | 'name' | 'contrast';
  what: string;
  detail: string;
}

const MIN_TARGET = 44;

/** Runs in the browser: no closures, no imports. */
function auditInPage([min, scope]: [number, string]): AuditFinding[] {
  const root = document.querySelector(scope) ?? document.body;
  const findings: AuditFinding[] = [];
  const CONTROLS = [
    'button',
    'a[href]',
    'input:not([type=hidden])',
    'select',
    'textarea',
    '[role=button]',
    '[role=checkbox]',
    '[role=radio]',
    '[role=switch]',
    '[role=tab]',
    '[role=combobox]',
    '[role=option]',
    '[role=menuitem]',
    '[role=link]',
    '.ant-select-item-option',
    '.ant-input-password-icon',
    '.ant-segmented-item',
    'label:has(> input)',
    '.ant-input-number-handler',
    '.ant-select-clear',
    '.ant-input-clear-icon',
  ].join(',');
  const TAP_OWNER =
    'label, .ant-input-affix-wrapper, .ant-input-number, .ant-select, .ant-picker, .ant-checkbox-wrapper, .ant-radio-wrapper';

  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') return false;
    if (el.closest('[aria-hidden="true"], [hidden], [inert]')) return false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.opacity === '0' && a !== el) return false;
      if (s.display === 'none') return false;
    }
    return true;
  };
  const describe = (el: Element): string => {
    const test = el.closest('[data-testid]')?.getAttribute('data-testid');
    const tag = el.tagName.toLowerCase();
    const role = el.getAttribute('role');
    const cls = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 2).join('.');
    const text = ((el as HTMLElement).innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
    return `${tag}${role ? `[role=${role}]` : ''}${cls ? `.${cls}` : ''}${test ? ` in [data-testid=${test}]` : ''}${
      text ? ` "${text.slice(0, 30)}"` : ''
    }`;
  };
  const isInline = (el: Element): boolean => {
    if (el.tagName !== 'A') return false;
    const parent = el.parentElement;
    if (!parent || getComputedStyle(el).display !== 'inline') return false;
    const own = (el.textContent ?? '').trim();
    const around = (parent.textContent ?? '').replace(own, '').trim();
    return around.length > 0 && getComputedStyle(parent).display !== 'flex';
  };
  const nameOf = (el: Element): string => {
    const aria = el.getAttribute('aria-label');
    if (aria?.trim()) return aria;
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const t = by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
      if (t) return t;
    }
    const id = el.getAttribute('id');
    if (id) {
      const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
      if (label?.textContent?.trim()) return label.textContent;
    }
    const wrapping = el.closest('label');
    if (wrapping?.textContent?.trim()) return wrapping.textContent;
    const tag = el.tagName;
    if (tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') {
      const text = (el as HTMLElement).innerText?.trim();
      if (text) return text;
      const img = el.querySelector('img[alt], [role=img][aria-label]');
      const alt = img?.getAttribute('alt') ?? img?.getAttribute('aria-label');
      if (alt?.trim()) return alt;
    }
    if (tag === 'INPUT' && ['submit', 'button'].includes((el as HTMLInputElement).type))
      return (el as HTMLInputElement).value;
    return el.getAttribute('title')?.trim() ?? '';
  };
  const hitSpan = (owner: Element, cx: number, cy: number, dx: number, dy: number): number => {
    let n = 0;
    for (let step = 1; step < 400; step += 1) {
      const x = cx + dx * step;
      const y = cy + dy * step;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) break;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(owner === hit || owner.contains(hit))) break;
      n = step;
    }
    return n;
  };

  const seen = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll(CONTROLS))) {
    if (seen.has(el) || !visible(el)) continue;
    seen.add(el);
    if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') continue;
    const isField = el.matches('input, select, textarea, [role=combobox]');
    if (!nameOf(el).trim()) findings.push({ kind: 'name', what: describe(el), detail: 'no accessible name' });
    if (isInline(el)) continue;
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' as ScrollBehavior });
    const owner = (isField && el.closest(TAP_OWNER)) || el;
    const r = el.getBoundingClientRect();
    const cx = Math.round(r.left + r.width / 2);
    const cy = Math.round(r.top + r.height / 2);
    const atCentre = document.elementFromPoint(cx, cy);
    if (!atCentre || !(owner === atCentre || owner.contains(atCentre) || atCentre.contains(owner))) {
      // covered at its centre (a fixed bar, another control): no tap reaches it here
      findings.push({
        kind: 'size',
        what: describe(el),
        detail: `covered at its centre by ${describe(atCentre ?? document.body)}`,
      });
      continue;
    }
    const probeOwner = atCentre.contains(owner) && atCentre !== owner ? atCentre : owner;
    const w = hitSpan(probeOwner, cx, cy, -1, 0) + hitSpan(probeOwner, cx, cy, 1, 0) + 1;
    const h = hitSpan(probeOwner, cx, cy, 0, -1) + hitSpan(probeOwner, cx, cy, 0, 1) + 1;
    if (w < min || h < min)
      findings.push({
        kind: 'size',
        what: describe(el),
        detail: `${w}×${h} px (drawn ${Math.round(r.width)}×${Math.round(r.height)})`,
      });
  }
  scrollTo({ top: 0, behavior: 'instant' as ScrollBehavior });

  // contrast
  const rgba = (c: string): [number, number, number, number] => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: number[], under: number[]): number[] => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
  };
  // The colours the text may sit on: one, or each stop of a gradient (the worst one counts).
  const backgrounds = (el: Element): number[][] | null => {
    const layers: number[][] = [];
    let stops: number[][] = [];
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.backgroundImage !== 'none') {
        if (!s.backgroundImage.includes('gradient')) return null;
        stops = (s.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(rgba);
        break;
      }
      const c = rgba(s.backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    const bases = stops.length ? stops.map((c) => over(c, [255, 255, 255, 1])) : [[255, 255, 255, 1]];
    return bases.map((base) => {
      let bg = base;
      for (let i = layers.length - 1; i >= 0; i -= 1) bg = over(layers[i], bg);
      return bg;
    });
  };
  const lum = (c: number[]): number => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a: number[], b: number[]): number => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const check = (el: Element, text: string, color: string) => {
    const s = getComputedStyle(el);
    const bgs = backgrounds(el);
    if (!bgs) return;
    let opacity = 1;
    for (let a: Element | null = el; a; a = a.parentElement) opacity *= Number(getComputedStyle(a).opacity);
    const fg = rgba(color);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    let got = Infinity;
    let bg = bgs[0];
    for (const b of bgs) {
      const r = ratio(over([fg[0], fg[1], fg[2], fg[3] * opacity], b), b);
      if (r < got) [got, bg] = [r, b];
    }
    if (got < need)
      findings.push({
        kind: 'contrast',
        what: `"${text.slice(0, 30)}" in ${describe(el)}`,
        detail: `${got.toFixed(2)}:1 < ${need}:1 (${color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')}), ${size}px)`,
      });
  };
  const inactive = (el: Element) =>
    !!el.closest(
      '[disabled], [aria-disabled="true"], .ant-btn-disabled, .ant-input-disabled, .ant-select-disabled, .ant-checkbox-disabled, .ant-radio-wrapper-disabled, .ant-input-number-disabled',
    );
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const checked = new Set<Element>();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    const el = n.parentElement;
    if (!text || !el || checked.has(el) || !visible(el) || inactive(el)) continue;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE'].includes(el.tagName)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rr = range.getBoundingClientRect();
    if (rr.width < 2 || rr.height < 2) continue;
    checked.add(el);
    check(el, text, getComputedStyle(el).color);
  }
  for (const input of Array.from(root.querySelectorAll('input[placeholder], textarea[placeholder]'))) {
    if (!visible(input) || inactive(input) || (input as HTMLInputElement).value) continue;
    check(input, input.getAttribute('placeholder') ?? '', getComputedStyle(input, '::placeholder').color);
  }
  return findings;
}

/**
 * The screen's findings, each line prefixed with the screen's name. With an open overlay (a select's
 * dropdown), `scope` is the overlay: what lies under it takes no tap while it is open.
 */
export async function auditScreen(page: Page, screen: string, scope = 'body'): Promise<string[]> {
  // antd's motion settled: sizes and colours are the resting ones.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const findings = await page.evaluate(auditInPage, [MIN_TARGET, scope] as [number, string]);
  return findings.map((f) => `${screen} · ${f.kind} · ${f.what}: ${f.detail}`);
}
