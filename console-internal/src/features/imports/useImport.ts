import { useEffect, useRef, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { errorMessage } from '@medchannel/web-shared';
import { downloadFile, uploadFile } from '@medchannel/web-shared/kernel';
import { CommitImportDocument, ImportProgressDocument, type CommitImportMutation } from '../../gql/graphql';
import type { Counts, Kind } from './kinds';

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface Preview {
  id: string;
  status: string;
  totalRows: number;
  errorCount: number;
  errors: RowError[];
  summary: Counts;
}

/**
 * An import's steps for the kinds the user may import: the kind in the URL, the template download,
 * the upload and its preview, and the commit, whose progress is polled every second until the
 * mutation answers.
 */
export function useImport(kinds: Kind[]) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { params, setFilter } = useUrlFilters();
  const kind: Kind = kinds.find((k) => k === params.get('kind')) ?? kinds[0] ?? 'hospitals';
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [fileName, setFileName] = useState<string>('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<CommitImportMutation['commitImport'] | null>(null);
  const [commit, { loading: committing, error: commitError }] = useMutation(CommitImportDocument);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const reset = () => {
    stopPolling();
    setPreview(null);
    setFailure(null);
    setProgress(null);
    setResult(null);
    setFileName('');
  };

  const switchKind = (next: Kind) => {
    reset();
    setFilter('kind', next);
  };

  const template = async () => {
    setFailure(null);
    const ok = await downloadFile(`/files/templates/${kind}.xlsx`, 'console', t(`import.templateFile.${kind}`));
    if (!ok) setFailure(t('import.downloadFailed'));
  };

  const upload = async (file: File) => {
    reset();
    setUploading(true);
    setFileName(file.name);
    const answer = await uploadFile<Preview | null>(`/files/imports/${kind}`, file, 'console', 'POST');
    setUploading(false);
    if (!answer.ok || !answer.body) setFailure(errorMessage(t, answer.ok ? { code: 'INTERNAL' } : answer));
    else setPreview({ ...answer.body, errors: answer.body.errors ?? [], summary: answer.body.summary ?? {} });
  };

  const runCommit = async () => {
    if (!preview) return;
    const id = preview.id;
    setProgress({ done: 0, total: preview.totalRows });
    stopPolling();
    timer.current = setInterval(() => {
      void client
        .query({ query: ImportProgressDocument, variables: { id }, fetchPolicy: 'network-only' })
        .then(({ data }) => {
          const p = data?.importJob.progress;
          if (p && timer.current) setProgress({ done: p.done, total: p.total });
        })
        .catch(() => undefined);
    }, 1000);
    try {
      const { data } = await commit({ variables: { id } });
      if (data) setResult(data.commitImport);
    } catch {
      // shown from commitError
    } finally {
      stopPolling();
      setProgress(null);
    }
  };

  return {
    kind,
    uploading,
    failure,
    preview,
    fileName,
    progress,
    result,
    committing,
    commitError,
    reset,
    switchKind,
    template,
    upload,
    runCommit,
  };
}
