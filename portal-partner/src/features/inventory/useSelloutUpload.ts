import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { SelloutUploadKind } from '@medchannel/shared-schema';
import { errorMessage } from '@medchannel/web-shared';
import { uploadFile, useCodedError } from '@medchannel/web-shared/kernel';
import { CommitSelloutUploadDocument, MatchSelloutRowsDocument, SelloutUploadDocument } from '../../gql/graphql';
import { STOCK_ERRORS } from './inventoryErrors';

/**
 * The monthly upload's steps: the file sent (its answer is the upload's id: a preview, or the
 * earlier commit of the same file), the preview read, a row's hospital confirmed or changed, the commit.
 */
export function useSelloutUpload() {
  const { t } = useTranslation();
  const explain = useCodedError(STOCK_ERRORS);
  const [id, setId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [replayed, setReplayed] = useState(false);
  const query = useQuery(SelloutUploadDocument, { variables: { id: id ?? '' }, skip: !id });
  const [match, matching] = useMutation(MatchSelloutRowsDocument);
  const [commit, committing] = useMutation(CommitSelloutUploadDocument);

  const send = async (file: File, month: string, kind: SelloutUploadKind) => {
    setFailure(null);
    setReplayed(false);
    setUploading(true);
    const answer = await uploadFile<{ id: string; status: string }>(
      `/files/sellout-uploads?${new URLSearchParams({ month, kind })}`,
      file,
      'portal',
      'POST',
    );
    setUploading(false);
    if (!answer.ok) return setFailure(errorMessage(t, answer));
    setReplayed(answer.body.status === 'COMMITTED');
    setId(answer.body.id);
  };

  const run = async (work: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await work();
    } catch (e) {
      setFailure(explain(e).message);
    }
  };

  return {
    upload: query.data?.selloutUpload ?? null,
    loading: query.loading,
    error: query.error,
    uploading,
    failure,
    replayed,
    busy: matching.loading || committing.loading,
    send,
    choose: (row: number, candidate: number | null) =>
      run(() => match({ variables: { id: id!, input: { matches: [{ row, candidate }] } } })),
    commit: () =>
      run(async () => {
        const res = await commit({ variables: { id: id! } });
        if (res.data?.commitSelloutUpload.id !== id) setReplayed(true);
      }),
    reset: () => {
      setId(null);
      setFailure(null);
      setReplayed(false);
    },
  };
}
