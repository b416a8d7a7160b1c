/** Roles from DESIGN.md (security and tenancy); a token carries one or more. */
export const roles = [
  'platform-admin',
  'forbund-admin',
  'ekonom',
  'styrelse',
  'revisor',
  'member-rep',
  'national',
] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, string> = {
  'platform-admin': 'Plattformsadministratör',
  'forbund-admin': 'Förbundsadministratör',
  ekonom: 'Ekonom',
  styrelse: 'Styrelseledamot',
  revisor: 'Revisor',
  'member-rep': 'Medlemsrepresentant',
  national: 'Nationella rådet',
};

/** Who acts: from a verified token only, never from a request body. */
export interface Principal {
  subject: string;
  name: string;
  /** The sign-in address, where the token carries one (Cognito's `cognito:username` is an id, not the email). */
  email?: string;
  roles: Role[];
  /** The förbund the user belongs to; absent for platform-admin and national. */
  forbundId?: string;
  /** For member-rep: the one member the user represents. */
  memberId?: string;
}

export const hasRole = (principal: Principal, ...wanted: Role[]) =>
  wanted.some((role) => principal.roles.includes(role));
