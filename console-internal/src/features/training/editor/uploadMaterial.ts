import { putFile, type UploadResult } from '../../../components/putFile';

export type { UploadResult };

/** Puts a material file's bytes to the course (PUT /files/courses/<id>/files). */
export function uploadMaterial(courseId: string, file: File): Promise<UploadResult> {
  return putFile(`/files/courses/${courseId}/files`, file);
}
