import { charterDocumentSchema, forbundProfileSchema, type Principal, type Role } from '@finsam/domain';
import type { Stores } from '@finsam/store';
import { hashPassword } from './passwords.ts';

export const demo_forbund_id = 'exempeldalen';
export const demo_password = 'demo';

/** The demo förbund is DOMAIN.md's worked example: frame 4 000 000 kr, kommuner keyed by population. */
export const demoProfile = forbundProfileSchema.parse({
  name: 'Samordningsförbundet Exempeldalen',
  organisationsnummer: '222000-0018',
  lan: 'Östergötlands län',
  seat: 'Alfa',
  formationDate: '2010-01-01',
});

export const demoCharter = charterDocumentSchema.parse({
  effectiveFrom: '2026-01-01',
  decisionReference: 'Förbundsordning antagen av samtliga medlemmar, 2025-11-12',
  members: [
    { id: 'fk', type: 'fk', name: 'Försäkringskassan', organisationsnummer: '202100-5521' },
    { id: 'af', type: 'af', name: 'Arbetsförmedlingen', organisationsnummer: '202100-2114' },
    { id: 'region', type: 'region', name: 'Region Exempel', organisationsnummer: '232100-0016' },
    {
      id: 'alfa',
      type: 'kommun',
      name: 'Alfa kommun',
      organisationsnummer: '212000-0019',
      population: { count: 30_000, referenceDate: '2025-12-31' },
    },
    {
      id: 'beta',
      type: 'kommun',
      name: 'Beta kommun',
      organisationsnummer: '212000-0027',
      population: { count: 10_000, referenceDate: '2025-12-31' },
    },
  ],
  settings: { contributionKey: { model: 'finsam', kommunKey: { method: 'population' } } },
});

interface DemoUser {
  username: string;
  name: string;
  roles: Role[];
  forbundId?: string;
  memberId?: string;
}

export const demoUsers: DemoUser[] = [
  { username: 'admin', name: 'Plattformsadministratören', roles: ['platform-admin'] },
  { username: 'forbundsadmin', name: 'Frida Förbundschef', roles: ['forbund-admin'], forbundId: demo_forbund_id },
  { username: 'ekonom', name: 'Elin Ekonom', roles: ['ekonom'], forbundId: demo_forbund_id },
  { username: 'styrelse', name: 'Sven Styrelseordförande', roles: ['styrelse'], forbundId: demo_forbund_id },
  { username: 'revisor', name: 'Rut Revisor', roles: ['revisor'], forbundId: demo_forbund_id },
  {
    username: 'medlem',
    name: 'Maja Medlemsrepresentant (Alfa kommun)',
    roles: ['member-rep'],
    forbundId: demo_forbund_id,
    memberId: 'alfa',
  },
  { username: 'nationell', name: 'Nils Nationella rådet', roles: ['national'] },
];

const seeder: Principal = { subject: 'demo-seed', name: 'Demodata', roles: ['platform-admin'] };

/**
 * Seeds the demo förbund and users on first start. Each step checks before it writes, so a start
 * interrupted half-way finishes the seeding next time, and a later start writes nothing.
 */
export async function seedDemoData(stores: Stores, now: Date): Promise<boolean> {
  let wrote = false;
  const existing = await stores.forbund.get(seeder, demo_forbund_id).catch(() => undefined);
  if (!existing) {
    await stores.forbund.create(seeder, demoProfile, demoCharter, now, demo_forbund_id);
    wrote = true;
  }
  for (const user of demoUsers) {
    if (await stores.users.find(user.username)) continue;
    await stores.users.add({ ...user, passwordHash: await hashPassword(demo_password) }, now);
    wrote = true;
  }
  // The lists of who has access (each förbund's, and the platform's own), so an administrator sees
  // everyone. The demo's logins are short names; everyone invited later signs in by email address.
  for (const { username, name, roles, forbundId, memberId } of demoUsers) {
    const scope = forbundId ?? null;
    if (await stores.invitedUsers.find(seeder, scope, username)) continue;
    await stores.invitedUsers.add(seeder, scope, { email: username, name, roles, memberId }, now);
    wrote = true;
  }
  return wrote;
}
