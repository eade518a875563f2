import { putFile, type UploadResult } from '../../../components/putFile';

/** Puts a photo or document to the note (PUT /files/visit-notes/<id>/attachments): only its author, once it exists. */
export function uploadAttachment(noteId: string, file: File): Promise<UploadResult> {
  return putFile(`/files/visit-notes/${noteId}/attachments`, file);
}
