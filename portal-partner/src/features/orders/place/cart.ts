import { useMemo, useSyncExternalStore } from 'react';
import { OrderKind } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { DEFAULT_CURRENCY, sum, times, type Money } from '@medchannel/web-shared/kernel';
import { newRequestKey } from '@medchannel/web-shared/kernel';

/** The API's own bounds on a draft (api/src/modules/order/order.inputs.ts). */
const MAX_LINES = 50;
export const MAX_QUANTITY = 100_000;

export interface CartLine {
  productId: string;
  code: string;
  name: string;
  /** The tier price the catalog showed: an estimate; the review prices the order */
  unitPrice: string;
  currency: string;
  quantity: number;
}

export interface Cart {
  lines: CartLine[];
  kind: OrderKind;
  hospital: { id: string; name: string } | null;
  note: string;
  /**
   * placeOrder's idempotency key: made at the first submit and kept, through failures, retries and
   * reloads, until the order is placed; a double tap or a retry after a lost answer then returns
   * the order already placed instead of placing a second one.
   */
  requestKey: string | null;
  /**
   * Set when the rep submitted without a signal (ISO time of the tap): the order waits on this
   * device and is sent, with `requestKey`, when the signal returns (useSendWaitingOrder).
   */
  waitingSince: string | null;
}

const EMPTY: Cart = {
  lines: [],
  kind: OrderKind.HOSPITAL,
  hospital: null,
  note: '',
  requestKey: null,
  waitingSince: null,
};

// One cart per user in this browser, kept in localStorage: a rep's phone may drop the tab or lose
// the network between choosing products and submitting, and the key must outlive both.
const storageKey = (userId: string) => `medchannel.cart.${userId}`;
const carts = new Map<string, Cart>();
const listeners = new Set<() => void>();

function read(userId: string): Cart {
  let cart = carts.get(userId);
  if (!cart) {
    try {
      const stored = localStorage.getItem(storageKey(userId));
      cart = stored ? { ...EMPTY, ...(JSON.parse(stored) as Partial<Cart>) } : EMPTY;
    } catch {
      cart = EMPTY;
    }
    carts.set(userId, cart);
  }
  return cart;
}

function write(userId: string, cart: Cart): void {
  carts.set(userId, cart);
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(cart));
  } catch {
    // private mode or full: the cart lasts for this page only
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  // Another tab of the same portal changed the cart: read it again.
  const onStorage = (e: StorageEvent) => {
    if (!e.key?.startsWith('medchannel.cart.')) return;
    carts.clear();
    listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export type Product = Omit<CartLine, 'quantity'>;

/** The signed-in user's cart and what can be done to it. */
export function useCart() {
  const { id: userId } = useCurrentUser();
  const cart = useSyncExternalStore(subscribe, () => read(userId));
  const actions = useMemo(() => {
    const update = (change: (cart: Cart) => Cart) => write(userId, change(read(userId)));
    return {
      /** Sets a product's quantity; 0 takes it off; a product not yet in the cart is added at the end. */
      setQuantity(product: Product, quantity: number) {
        update((c) => {
          const q = Math.min(Math.max(0, Math.floor(quantity)), MAX_QUANTITY);
          const rest = c.lines.filter((l) => l.productId !== product.productId);
          if (q === 0) return { ...c, lines: rest };
          const exists = rest.length !== c.lines.length;
          if (!exists && c.lines.length >= MAX_LINES) return c;
          return {
            ...c,
            lines: exists
              ? c.lines.map((l) => (l.productId === product.productId ? { ...l, quantity: q } : l))
              : [...c.lines, { ...product, quantity: q }],
          };
        });
      },
      setDestination(kind: OrderKind, hospital: Cart['hospital']) {
        update((c) => ({ ...c, kind, hospital: kind === OrderKind.STOCK ? null : hospital }));
      },
      setNote(note: string) {
        update((c) => ({ ...c, note }));
      },
      /** The key to send now: the one kept from an earlier attempt, else a new one, stored before it is sent. */
      requestKey(): string {
        const current = read(userId).requestKey;
        if (current) return current;
        const key = newRequestKey();
        update((c) => ({ ...c, requestKey: key }));
        return key;
      },
      /** Submitted without a signal: the order waits, its key kept, until it can be sent. */
      wait() {
        update((c) => (c.requestKey ? { ...c, waitingSince: c.waitingSince ?? new Date().toISOString() } : c));
      },
      /** The waiting order was answered with a refusal: back to a cart being written. */
      stopWaiting() {
        update((c) => ({ ...c, waitingSince: null }));
      },
      /** The user means to place the cart as another order than the one its key already placed. */
      renewRequestKey() {
        update((c) => ({ ...c, requestKey: null }));
      },
      /** A fresh cart with these lines for this destination (reorder): a new order, a new key. */
      replace(lines: CartLine[], kind: OrderKind, hospital: Cart['hospital']) {
        write(userId, { ...EMPTY, lines: lines.slice(0, MAX_LINES), kind, hospital });
      },
      clear() {
        write(userId, EMPTY);
      },
    };
  }, [userId]);
  return { cart, ...actions };
}

export function quantityOf(cart: Cart, productId: string): number {
  return cart.lines.find((l) => l.productId === productId)?.quantity ?? 0;
}

export function itemCount(cart: Cart): number {
  return cart.lines.reduce((n, l) => n + l.quantity, 0);
}

/** The cart's estimate before review, exactly (decimal strings, never floats); one currency per order. */
export function estimate(cart: Cart): Money {
  return {
    amount: sum(cart.lines.map((l) => times(l.unitPrice, l.quantity))),
    currency: cart.lines[0]?.currency ?? DEFAULT_CURRENCY,
  };
}

/** What reviewOrder and placeOrder take. */
export function draftOf(cart: Cart) {
  return {
    kind: cart.kind,
    hospitalId: cart.kind === OrderKind.HOSPITAL ? (cart.hospital?.id ?? null) : null,
    lines: cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
    note: cart.note.trim() || null,
  };
}

/** Ready for review: lines, and a hospital unless it is stock. */
export function isComplete(cart: Cart): boolean {
  return cart.lines.length > 0 && (cart.kind === OrderKind.STOCK || cart.hospital != null);
}
