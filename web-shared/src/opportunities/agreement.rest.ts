import { downloadFile, uploadFile, type Audience, type FileResult } from '../kernel/files';

/** The signed trial agreement: PUT as the body, GET back (the same cookie and app header as /graphql). */
export const uploadAgreement = (
  trialId: string,
  file: File,
  audience: Audience,
): Promise<FileResult<{ fileName: string }>> => uploadFile(`/files/trials/${trialId}/agreement`, file, audience);

export const downloadAgreement = (trialId: string, name: string, audience: Audience): Promise<boolean> =>
  downloadFile(`/files/trials/${trialId}/agreement`, audience, name);
