import { useCallback, useState } from 'react';
import { useCurrentUser } from '@medchannel/web-shared';
import { newRequestKey } from '@medchannel/web-shared/orders';

/** The answers being given: question id → chosen option ids. */
export type Answers = Record<string, string[]>;

interface Draft {
  answers: Answers;
  /**
   * submitQuiz's idempotency key: made at the first submit of these answers and kept, through a
   * lost answer, retries and a reload, until the server answers; a retry then returns the attempt
   * already scored instead of using a second one.
   */
  key: string | null;
}

const EMPTY: Draft = { answers: {}, key: null };

// Kept in localStorage per user and enrollment: a phone may drop the tab or the network between
// the submit and its answer, and the key must outlive both (as the cart keeps placeOrder's key).
const storageKey = (userId: string, enrollmentId: string) => `medchannel.quiz.${userId}.${enrollmentId}`;

function load(key: string): Draft {
  try {
    const stored = localStorage.getItem(key);
    return stored ? { ...EMPTY, ...(JSON.parse(stored) as Partial<Draft>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

function save(key: string, draft: Draft): void {
  try {
    if (draft.key || Object.keys(draft.answers).length) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // private mode or full: the draft lasts for this page only
  }
}

/** The learner's answers to one enrollment's quiz and the key their submit travels with. */
export function useQuizDraft(enrollmentId: string) {
  const { id: userId } = useCurrentUser();
  const storage = storageKey(userId, enrollmentId);
  const [draft, setDraft] = useState<Draft>(() => load(storage));
  const update = useCallback(
    (change: (d: Draft) => Draft) =>
      setDraft((d) => {
        const next = change(d);
        save(storage, next);
        return next;
      }),
    [storage],
  );
  return {
    answers: draft.answers,
    /** a submit went out and no answer came back: the next one reuses its key */
    pending: draft.key != null,
    choose: (questionId: string, optionIds: string[]) => update((d) => ({ ...d, answers: { ...d.answers, [questionId]: optionIds } })),
    /** The key to send now: the kept one, else a new one, stored before it is sent. */
    requestKey(): string {
      if (draft.key) return draft.key;
      const next = { ...draft, key: newRequestKey() };
      save(storage, next);
      setDraft(next);
      return next.key;
    },
    /** The server answered (a score or a refusal): the key is spent. */
    answered: () => update((d) => ({ ...d, key: null })),
    /** A new attempt starts from blank answers. */
    reset: () => update(() => EMPTY),
  };
}
