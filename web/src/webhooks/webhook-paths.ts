import { pathOf } from '../router.tsx';

/** The member's integration page: its webhook subscriptions and their delivery log. */
export const integrationsPath = (forbundId: string, memberId: string) =>
  pathOf('forbund', forbundId, 'medlem', memberId, 'integrationer');
