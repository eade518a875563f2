import { useCurrentUser } from '@medchannel/web-shared';
import { useStoredDraft } from '../../components/storedDraft';

interface Draft {
  text: string;
  /** the send's idempotency key, kept with the text until the server answers */
  key: string | null;
}

const EMPTY: Draft = { text: '', key: null };
const blank = (d: Draft) => !d.text;

/** The text being written under `scope` (e.g. a note's comment box) and the key its send travels with. */
export function useKeptDraft(scope: string) {
  const { id: userId } = useCurrentUser();
  const { draft, update, requestKey } = useStoredDraft(`medchannel.${scope}.${userId}`, EMPTY, blank);
  return {
    text: draft.text,
    /** a send went out and no answer came back: the next one reuses its key (and the text is locked) */
    pending: draft.key != null,
    setText: (text: string) => update((d) => (d.key ? d : { ...d, text })),
    requestKey,
    /** Written: the text and the key are spent. */
    done: () => update(() => EMPTY),
    /** Refused: the key is spent, the text stays to be corrected. */
    refused: () => update((d) => ({ ...d, key: null })),
  };
}
