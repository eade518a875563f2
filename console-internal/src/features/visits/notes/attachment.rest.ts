import { uploadFile, type FileResult } from '@medchannel/web-shared/kernel';

/** Puts a photo or document to the note (PUT /files/visit-notes/<id>/attachments): only its author, once it exists. */
export function uploadAttachment(noteId: string, file: File): Promise<FileResult<{ id: string }>> {
  return uploadFile<{ id: string }>(`/files/visit-notes/${noteId}/attachments`, file, 'console');
}
