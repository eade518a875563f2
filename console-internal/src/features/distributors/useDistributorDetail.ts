import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { can, DistributorStage, STAGE_TRANSITIONS } from '@medchannel/shared-schema';
import { DistributorDocument } from '../../gql/graphql';
import { useCurrentUser } from '@medchannel/web-shared';
import { URGENT_EXPIRY } from '@medchannel/web-shared/components';

/** The distributor detail page's state: the query, which modal is open, and what the user may do. */
export function useDistributorDetail() {
  const user = useCurrentUser();
  const { id = '' } = useParams();
  const query = useQuery(DistributorDocument, { variables: { id } });
  const [moving, setMoving] = useState(false);
  const [editing, setEditing] = useState(false);
  const [assessing, setAssessing] = useState(false);

  const d = query.data?.distributor;
  const canManage = can(user.role, 'distributor.manage');
  const canMove = !!d && canManage && (STAGE_TRANSITIONS[d.stage as DistributorStage]?.length ?? 0) > 0;
  const canSetCredit = can(user.role, 'distributor.setCredit');
  const canAssign = can(user.role, 'distributor.assignManager');
  const canKeepDocuments = can(user.role, 'qualification.upload');
  const canReadTargets = can(user.role, 'target.read');
  const canReadScorecard = can(user.role, 'scorecard.read');
  const urgent = d ? d.qualifications.filter((q) => URGENT_EXPIRY.has(q.expiry.level)) : [];

  return {
    query,
    d,
    canManage,
    canReadTargets,
    canReadScorecard,
    canMove,
    canSetCredit,
    canAssign,
    canKeepDocuments,
    urgent,
    moving,
    setMoving,
    editing,
    setEditing,
    assessing,
    setAssessing,
  };
}
