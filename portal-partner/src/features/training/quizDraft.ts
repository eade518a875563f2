import { useCurrentUser } from '@medchannel/web-shared';
import { useStoredDraft } from '../../components/storedDraft';

/** The answers being given: question id → chosen option ids. */
type Answers = Record<string, string[]>;

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
const blank = (d: Draft) => Object.keys(d.answers).length === 0;

// Kept in localStorage per user and enrollment (see useStoredDraft), as the cart keeps placeOrder's key.
const storageKey = (userId: string, enrollmentId: string) => `medchannel.quiz.${userId}.${enrollmentId}`;

/** The learner's answers to one enrollment's quiz and the key their submit travels with. */
export function useQuizDraft(enrollmentId: string) {
  const { id: userId } = useCurrentUser();
  const { draft, update, requestKey } = useStoredDraft(storageKey(userId, enrollmentId), EMPTY, blank);
  return {
    answers: draft.answers,
    /** a submit went out and no answer came back: the next one reuses its key */
    pending: draft.key != null,
    choose: (questionId: string, optionIds: string[]) =>
      update((d) => ({ ...d, answers: { ...d.answers, [questionId]: optionIds } })),
    /** The key to send now: the kept one, else a new one, stored before it is sent. */
    requestKey,
    /** The server answered (a score or a refusal): the key is spent. */
    answered: () => update((d) => ({ ...d, key: null })),
    /** A new attempt starts from blank answers. */
    reset: () => update(() => EMPTY),
  };
}
