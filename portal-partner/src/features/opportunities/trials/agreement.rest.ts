import { downloadFile, uploadFile, type FileResult } from '@medchannel/web-shared/kernel';

/** The signed trial agreement: PUT as the body, GET back (the same cookie and app header as /graphql). */
export const uploadAgreement = (trialId: string, file: File): Promise<FileResult<{ fileName: string }>> =>
  uploadFile(`/files/trials/${trialId}/agreement`, file, 'portal');

export const downloadAgreement = (trialId: string, name: string): Promise<boolean> =>
  downloadFile(`/files/trials/${trialId}/agreement`, 'portal', name);
