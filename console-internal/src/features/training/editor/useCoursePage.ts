import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { useCan } from '@medchannel/web-shared';
import { CourseDocument } from '../../../gql/graphql';
import { useCourseEditor } from './useCourseEditor';

/** One course from the route (or a new one at /training/courses/new), its editor, the open tab and what the viewer may do. */
export function useCoursePage() {
  const { id = '' } = useParams();
  const isNew = id === 'new';
  const query = useQuery(CourseDocument, { variables: { id }, skip: isNew });
  const course = isNew ? null : (query.data?.course ?? null);
  const editor = useCourseEditor(course, isNew);
  const [tab, setTab] = useState('content');
  const [assigning, setAssigning] = useState(false);
  const canEdit = useCan('training.edit');
  const assigns = useCan('training.assign');
  const archived = Boolean(course?.archivedAt);
  const canPublish = canEdit && !archived && (editor.dirty || Boolean(course?.draftVersion) || isNew);
  const canAssign = !!course && assigns && !!course.publishedVersion && !archived;

  return {
    isNew,
    query,
    course,
    editor,
    tab,
    setTab,
    assigning,
    setAssigning,
    canEdit,
    archived,
    canPublish,
    canAssign,
  };
}

export type CoursePageState = ReturnType<typeof useCoursePage>;
