import { TrainingGroupBy } from '@medchannel/shared-schema';
import type { ParamSpec } from '../../common/export-query';
import { writeSheet, type SheetColumn } from '../import';
import { CompletionArgs } from './training.inputs';
import type { CompletionRow } from './training-report.service';

/** The completion screen's URL filters (CompletionPage.tsx), as its query's CompletionArgs (`by` defaults to REGION there too). */
export const COMPLETION_PARAMS: Record<string, ParamSpec<CompletionArgs>> = {
  by: { field: 'groupBy' },
  course: { field: 'courseId' },
  region: { field: 'regionId' },
};

const GROUP: Record<TrainingGroupBy, string> = {
  [TrainingGroupBy.REGION]: '省份 Province',
  [TrainingGroupBy.DISTRIBUTOR]: '经销商 Distributor',
  [TrainingGroupBy.COURSE]: '课程 Course',
};

type Column = 'label' | 'assigned' | 'started' | 'completed' | 'overdue' | 'rate';

/** One row per province, distributor or course, as the table lists them; the rate a percentage cell (completed of assigned). */
export function completionWorkbook(groupBy: TrainingGroupBy, rows: CompletionRow[]): Promise<Buffer> {
  const columns: readonly SheetColumn<Column>[] = [
    { key: 'label', header: GROUP[groupBy], width: 30 },
    { key: 'assigned', header: '已分配 Assigned', width: 12 },
    { key: 'started', header: '已开始 Started', width: 12 },
    { key: 'completed', header: '已完成 Completed', width: 12 },
    { key: 'overdue', header: '已逾期 Overdue', width: 12 },
    { key: 'rate', header: '完成率 Completion rate', width: 14, numFmt: '0%' },
  ];
  return writeSheet(
    '培训完成情况 Training completion',
    columns,
    rows.map((r) => ({ ...r, rate: r.assigned ? r.completed / r.assigned : 0 })),
  );
}
