import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { DisputeStatementDocument, type PartnerStatementFragment } from '../../gql/graphql';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { STATEMENT_ERRORS } from './statementErrors';

/** The API's bounds on one line's comment (DisputeLineInput.comment). */
const COMMENT = { min: 2, max: 1000 };

/**
 * The owner's dispute being written: which lines, and a comment for each (required). Checked on
 * the phone before sending; the server's refusal of one line (`field: lines.N…`) is shown beside
 * that line, anything else goes to `onFailure` (the page's one alert).
 */
export function useDisputeDraft(statement: PartnerStatementFragment, onFailure: (message: string | null) => void) {
  const { t } = useTranslation();
  const explain = useCodedError(STATEMENT_ERRORS);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [send, sending] = useMutation(DisputeStatementDocument);
  // In the statement's line order, whatever order they were ticked in.
  const picked = statement.lines.filter((l) => l.id in comments).map((l) => l.id);

  const toggle = (lineId: string, on: boolean) => {
    setComments(({ [lineId]: _dropped, ...rest }) => (on ? { ...rest, [lineId]: _dropped ?? '' } : rest));
    setErrors(({ [lineId]: _cleared, ...rest }) => rest);
    onFailure(null);
  };
  const write = (lineId: string, text: string) => {
    setComments((all) => ({ ...all, [lineId]: text }));
    if (text.trim().length >= COMMENT.min) setErrors(({ [lineId]: _cleared, ...rest }) => rest);
  };
  const reset = () => {
    setComments({});
    setErrors({});
  };

  /** Sends the dispute; true when the server took it. */
  const submit = async (): Promise<boolean> => {
    onFailure(null);
    if (picked.length === 0) {
      onFailure(t('dispute.pickLine'));
      return false;
    }
    const missing = picked.filter((id) => comments[id].trim().length < COMMENT.min);
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((id) => [id, t('dispute.commentRequired', COMMENT)])));
      return false;
    }
    try {
      await send({
        variables: {
          input: {
            statementId: statement.id,
            lines: picked.map((lineId) => ({ lineId, comment: comments[lineId].trim() })),
          },
        },
      });
      reset();
      return true;
    } catch (error) {
      // `lines.<n>.comment`: the comment of the n-th line sent, shown under that line.
      const { message, fieldName, index } = explain(error);
      const lineId = fieldName?.split('.')[0] === 'lines' && index !== undefined ? picked[index] : undefined;
      if (lineId) setErrors({ [lineId]: message });
      else onFailure(message);
      return false;
    }
  };

  return { comments, errors, picked, sending: sending.loading, toggle, write, reset, submit, maxLength: COMMENT.max };
}

export type DisputeDraft = ReturnType<typeof useDisputeDraft>;
