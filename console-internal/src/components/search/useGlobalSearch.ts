import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { GLOBAL_SEARCH_MIN_LENGTH } from '@medchannel/shared-schema';
import { GlobalSearchDocument } from '../../gql/graphql';
import { searchGroups } from './searchGroups';

/** How long typing must pause before the search asks. */
const DEBOUNCE_MS = 250;

/** The value once it has stayed the same for `ms`. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The search for what is typed, once typing pauses. The answer shown is always the one for the
 * text now settled (Apollo keys results by their variables): an earlier keystroke's answer
 * arriving late never replaces it.
 */
export function useGlobalSearch(typed: string) {
  const text = typed.trim();
  const settled = useDebounced(text, DEBOUNCE_MS);
  const ready = [...text].length >= GLOBAL_SEARCH_MIN_LENGTH;
  const { data, loading, error } = useQuery(GlobalSearchDocument, {
    variables: { text: settled },
    skip: [...settled].length < GLOBAL_SEARCH_MIN_LENGTH,
    fetchPolicy: 'cache-and-network',
  });
  const current = ready && settled === text;
  const groups = current && data ? searchGroups(data.globalSearch, settled) : [];
  return {
    ready,
    text: settled,
    groups,
    loading: ready && (!current || (loading && !data)),
    failed: current && !!error && !data,
  };
}
