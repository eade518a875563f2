import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { MyExitPlanLinkDocument } from '../gql/graphql';

/** 我的 → 退出清单: its link (the children) shows while the owner's company has an exit plan. */
export function ExitLink({ children }: { children: ReactNode }) {
  const { data } = useQuery(MyExitPlanLinkDocument);
  return data?.myExitPlan ? <>{children}</> : null;
}
