import { useCallback, useState } from 'react';

type Status = 'ACTIVE' | 'SCHEDULED' | 'EXPIRED' | 'REVOKED';

/** What a tender letter's check adds: the tender, hospital and project it is for, and its period. */
interface CheckedTender {
  number: string;
  purchaser: string;
  project: string;
  hospital: string;
  validFrom: string;
  validTo: string;
}

export type LetterCheckState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'answered'; status: Status; checkedOn: string; tender: CheckedTender | null }
  /** NOT_FOUND (a wrong number or code, told apart from neither), RATE_LIMITED, or no answer */
  | { kind: 'refused'; code: 'NOT_FOUND' | 'RATE_LIMITED' | 'FAILED' };

/** The public check of a letter (no session): GET /files/verify/letters with its number and code. */
export function useLetterCheck() {
  const [state, setState] = useState<LetterCheckState>({ kind: 'idle' });
  const check = useCallback(async (number: string, code: string) => {
    setState({ kind: 'checking' });
    try {
      const res = await fetch(`/files/verify/letters?${new URLSearchParams({ number, code })}`);
      if (res.ok) {
        const body = (await res.json()) as { status: Status; checkedOn: string; tender?: CheckedTender };
        setState({ kind: 'answered', status: body.status, checkedOn: body.checkedOn, tender: body.tender ?? null });
      } else {
        setState({
          kind: 'refused',
          code: res.status === 404 ? 'NOT_FOUND' : res.status === 429 ? 'RATE_LIMITED' : 'FAILED',
        });
      }
    } catch {
      setState({ kind: 'refused', code: 'FAILED' });
    }
  }, []);
  return { state, check };
}
