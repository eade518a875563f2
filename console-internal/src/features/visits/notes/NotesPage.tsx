import { useState } from 'react';
import { Card } from 'antd';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { NotesChunk, type NoteFilter } from './NotesChunk';
import { NotesFilters } from './NotesFilters';

/** 拜访记录: the notes the viewer may read, newest visit first, filtered in the URL, loaded a page more at a time. */
export default function NotesPage() {
  const { params, setFilter } = useUrlFilters();
  const filter: NoteFilter = {
    hospitalId: params.get('hospital') ?? undefined,
    distributorId: params.get('distributor') ?? undefined,
    authorId: params.get('author') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    search: params.get('q') ?? undefined,
  };
  const filterKey = JSON.stringify(filter);
  const [pages, setPages] = useState<{ key: string; cursors: Array<string | null> }>({
    key: filterKey,
    cursors: [null],
  });
  const cursors = pages.key === filterKey ? pages.cursors : [null];

  return (
    <Card>
      <NotesFilters filter={filter} setFilter={setFilter} />
      <div data-testid="notes-list">
        {cursors.map((after, i) => (
          <NotesChunk
            key={`${filterKey}|${after ?? ''}`}
            filter={filter}
            after={after}
            last={i === cursors.length - 1}
            onMore={(cursor) => setPages({ key: filterKey, cursors: [...cursors, cursor] })}
          />
        ))}
      </div>
    </Card>
  );
}
