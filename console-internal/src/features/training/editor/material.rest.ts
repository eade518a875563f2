import { uploadFile, type FileResult } from '@medchannel/web-shared/kernel';

/** What the API answers for a stored material file. */
export interface StoredFile {
  id: string;
  fileName: string;
  fileMime: string;
  fileSize: number;
}

/** Puts a material file's bytes to the course (PUT /files/courses/<id>/files). */
export function uploadMaterial(courseId: string, file: File): Promise<FileResult<StoredFile>> {
  return uploadFile<StoredFile>(`/files/courses/${courseId}/files`, file, 'console');
}
