import { WordTag } from '../components/StatusTags';
import { CommitmentKind, CommitmentStatus, CoVisitStatus, NoteVisibility } from '@medchannel/shared-schema';
import { addVisitStrings } from './strings';

addVisitStrings();

const CO_VISIT: Record<CoVisitStatus, string> = {
  [CoVisitStatus.PROPOSED]: 'gold',
  [CoVisitStatus.CONFIRMED]: 'blue',
  [CoVisitStatus.DONE]: 'green',
  [CoVisitStatus.CANCELLED]: 'default',
};

const COMMITMENT: Record<CommitmentStatus, string> = {
  [CommitmentStatus.OPEN]: 'gold',
  [CommitmentStatus.ACKNOWLEDGED]: 'green',
  [CommitmentStatus.DISPUTED]: 'red',
  [CommitmentStatus.RESOLVED]: 'default',
};

const KIND: Record<CommitmentKind, string> = {
  [CommitmentKind.PRICE]: 'magenta',
  [CommitmentKind.SUPPORT]: 'cyan',
  [CommitmentKind.TRIAL_EQUIPMENT]: 'purple',
  [CommitmentKind.DELIVERY_DATE]: 'geekblue',
  [CommitmentKind.OTHER]: 'default',
};

const VISIBILITY: Record<NoteVisibility, string> = {
  [NoteVisibility.INTERNAL]: 'default',
  [NoteVisibility.SHARED]: 'blue',
};

/** `coVisitStatus.*`: PROPOSED, CONFIRMED, DONE, CANCELLED; `coVisitStatus-<STATUS>` for tests. */
export function CoVisitStatusTag({ status }: { status: string }) {
  return <WordTag word="coVisitStatus" color={CO_VISIT[status as CoVisitStatus]} value={status} />;
}

/** `commitmentStatus.*`: OPEN, ACKNOWLEDGED, DISPUTED, RESOLVED. */
export function CommitmentStatusTag({ status }: { status: string }) {
  return <WordTag word="commitmentStatus" color={COMMITMENT[status as CommitmentStatus]} value={status} />;
}

/** `commitmentKind.*`: PRICE, SUPPORT, TRIAL_EQUIPMENT, DELIVERY_DATE, OTHER. */
export function CommitmentKindTag({ kind }: { kind: string }) {
  return <WordTag word="commitmentKind" color={KIND[kind as CommitmentKind]} value={kind} />;
}

/** `noteVisibility.*`: INTERNAL (brand only) or SHARED. */
export function NoteVisibilityTag({ visibility }: { visibility: string }) {
  return <WordTag word="noteVisibility" color={VISIBILITY[visibility as NoteVisibility]} value={visibility} />;
}
