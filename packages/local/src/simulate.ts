import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PresetName, presetSettings } from '@finsam/domain';
import { createStores } from '@finsam/store';
import { demo_forbund_id, demo_password } from './demo-data.ts';
import { hashPassword } from './passwords.ts';
import type { Runtime } from './runtime.ts';
import { SimulationClient } from './simulation-client.ts';

export interface SimulationOptions {
  forbundId: string;
  year: number;
  outDir: string;
  preset?: PresetName | undefined;
  /** Called with each line of the timeline as it happens. */
  print?: (line: string) => void;
}

/** How long the simulation waits for an execution to reach a state (real time). */
const step_wait_ms_max = 30_000;

/**
 * Runs one budget year of a förbund end to end on the virtual clock, with scripted people: the
 * ekonom drafts the budget, every member answers the samråd, the board adopts before 30
 * November, the months pass with avräkning, costs and payments, then bokslut, årsredovisning,
 * revision, each member's ansvarsfrihet and the likvidavräkning. Everything goes through the API,
 * the state machines and the scheduler, as in production; the documents are written to `outDir`.
 */
export async function simulateYear(runtime: Runtime, options: SimulationOptions) {
  const { forbundId, year } = options;
  const cycle = runtime.cycle;
  if (!cycle) throw new Error('the simulation needs a runtime with the cycle running');
  const timeline: string[] = [];
  const say = (line: string) => {
    const entry = `${runtime.clock.now().toISOString().slice(0, 10)}  ${line}`;
    timeline.push(entry);
    options.print?.(entry);
  };
  const api = new SimulationClient(runtime.url, demo_password);
  const at = async (iso: string) => {
    runtime.clock.set(new Date(iso));
    api.forget();
    await cycle.scheduler.runNow();
  };
  const base = `/forbund/${forbundId}`;
  const stores = createStores(runtime.table);

  // The people: one representative per member, one auditor per member (FK and AF jointly).
  const charter = await api.call('admin', 'GET', `${base}/charter`);
  if (options.preset) {
    const settings = presetSettings(options.preset, charter.members);
    const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = charter;
    await api.call('admin', 'PUT', `${base}/charter`, {
      ...document,
      settings,
      expectedVersion: version,
      effectiveFrom: `${year - 1}-01-01`,
    });
    say(`Förbundsordningen följer modellen ${options.preset}`);
  }
  const members = charter.members as { id: string; name: string; type: string }[];
  const reps = new Map(members.map((member) => [member.id, `rep-${forbundId}-${member.id}`.slice(0, 60)]));
  const appointed = [
    members.filter((m) => m.type === 'fk' || m.type === 'af').map((m) => m.id),
    ...members.filter((m) => m.type !== 'fk' && m.type !== 'af').map((m) => [m.id]),
  ];
  const auditors = appointed.map((ids, index) => ({
    id: `rev-${forbundId}-${index + 1}`.slice(0, 40),
    appointedBy: ids,
  }));
  const people = [
    ...members.map((m) => ({
      username: reps.get(m.id) as string,
      name: `Representant för ${m.name}`,
      roles: ['member-rep' as const],
      memberId: m.id,
    })),
    ...auditors.map((a, i) => ({ username: a.id, name: `Revisor ${i + 1}`, roles: ['revisor' as const] })),
    { username: `ekonom-${forbundId}`.slice(0, 60), name: 'Ekonomen', roles: ['ekonom' as const] },
    { username: `styrelse-${forbundId}`.slice(0, 60), name: 'Ordföranden', roles: ['styrelse' as const] },
    { username: `admin-${forbundId}`.slice(0, 60), name: 'Förbundschefen', roles: ['forbund-admin' as const] },
  ];
  const passwordHash = hashPassword(demo_password);
  for (const person of people)
    if (!(await stores.users.find(person.username)))
      await stores.users.add({ ...person, forbundId, passwordHash }, runtime.clock.now());
  const ekonom = `ekonom-${forbundId}`.slice(0, 60);
  const styrelse = `styrelse-${forbundId}`.slice(0, 60);
  const forbundsadmin = `admin-${forbundId}`.slice(0, 60);

  // Autumn Y-1: planning.
  await at(`${year - 1}-08-15T07:00:00Z`);
  say('Planeringsåret öppnar; tillståndsmaskinen för planering startar');
  await api
    .call(forbundsadmin, 'POST', `${base}/ledger/accounts`, {
      account: { number: '4100', name: 'Insats Steget vidare', kind: 'cost', area: 'insatser', insatsId: 'steget' },
      expectedVersion: (await api.call(ekonom, 'GET', `${base}/ledger/accounts`)).version,
    })
    .catch(() => undefined);
  const budget = {
    frame: '4000000.00',
    plannedEquityUse: '0.00',
    areas: { styrelse: '180000.00', administration: '1400000.00', revision: '95000.00' },
    insatser: [{ id: 'steget', name: 'Steget vidare', amount: '2325000.00' }],
    plan: 'Samverkan för personer långt från arbetsmarknaden.',
  };
  await api.call(ekonom, 'PUT', `${base}/budgets/${year}`, { ...budget, expectedVersion: 0 });
  await at(`${year - 1}-09-01T07:00:00Z`);
  const round = await api.call(ekonom, 'POST', `${base}/budgets/${year}/samrad`);
  say(`Budgetförslaget går på samråd till ${members.length} medlemmar, svar senast ${round.deadline}`);
  for (const [index, member] of members.entries()) {
    await at(`${year - 1}-10-${String(10 + index).padStart(2, '0')}T09:00:00Z`);
    await api.call(reps.get(member.id) as string, 'POST', `${base}/budgets/${year}/samrad/answers/${member.id}`, {
      answer: 'agree',
    });
  }
  say('Alla medlemmar har svarat i samrådet');
  await at(`${year - 1}-11-20T14:00:00Z`);
  const adoption = await api.call(styrelse, 'POST', `${base}/budgets/${year}/adoption`, {
    decisionReference: `Styrelsen ${year - 1}-11-20 § 7`,
  });
  say(`Styrelsen antar budgeten ${adoption.onTime ? 'i tid' : 'för sent'} (sista dag ${adoption.deadline})`);
  await waitFor(() => stepDone(api, ekonom, base, year, 'budget.published'), 'budgeten publiceras');

  // The year: avräkning each month, costs in arrears, payments when due.
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    await at(`${year}-${mm}-01T06:00:00Z`);
    await api.call(ekonom, 'POST', `${base}/vouchers`.replace('/vouchers', '/ledger/vouchers'), {
      series: 'A',
      year,
      date: `${year}-${mm}-25`,
      text: `Kansli och styrelse ${year}-${mm}`,
      lines: [
        { account: '5410', amount: '116666.00' },
        { account: '5010', amount: '15000.00' },
        { account: '1930', amount: '-131666.00' },
      ],
    });
    const run = (await api.call(ekonom, 'GET', `${base}/avrakning/${year}`)).items.find(
      (r: { month: number }) => r.month === month,
    );
    for (const statement of run?.statements ?? []) {
      if (statement.flow === 'claim-72' || statement.flow === 'set-off') {
        const nextMonth = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
        runtime.clock.set(new Date(`${nextMonth}-15T09:00:00Z`));
        api.forget();
        await api.call(
          reps.get(statement.memberId) as string,
          'POST',
          `${base}/avrakning/${year}/${month}/costs/${statement.memberId}`,
          {
            lines: [{ account: '4100', amount: costOf(statement.memberId, month), insatsId: 'steget' }],
          },
        );
      }
    }
    await cycle.scheduler.runNow();
    const settled = (await api.call(ekonom, 'GET', `${base}/avrakning/${year}`)).items.find(
      (r: { month: number }) => r.month === month,
    );
    for (const statement of settled?.statements ?? [])
      if (statement.settlement === 'cash' && statement.amountToPay !== '0.00')
        await api.call(ekonom, 'POST', `${base}/avrakning/${year}/${month}/payments/${statement.memberId}`, {
          amount: statement.amountToPay,
          date: statement.paymentDueDate ?? `${year}-${mm}-10`,
        });
    say(`Avräkning ${year}-${mm}: ${settled?.complete ? 'klar' : 'väntar på kostnader'}`);
  }

  // Y+1: bokslut, årsredovisning, revision, ansvarsfrihet, likvidavräkning.
  await at(`${year + 1}-01-20T07:00:00Z`);
  await waitFor(() => stepDone(api, ekonom, base, year, 'bokslut'), 'bokslutet');
  say('Bokslut: resultatet fördelat enligt förbundsordningen, året låst, nästa års ingående balanser skrivna');
  for (const [index, auditor] of auditors.entries())
    await api
      .call(forbundsadmin, 'POST', `${base}/auditors`, {
        id: auditor.id,
        name: `Revisor ${index + 1}`,
        appointedBy: auditor.appointedBy,
        substitute: { name: `Ersättare ${index + 1}` },
      })
      .catch(() => undefined);
  await at(`${year + 1}-03-12T15:00:00Z`);
  const report = await api.call(styrelse, 'POST', `${base}/closing/${year}/annual-report`, {
    decisionReference: `Styrelsen ${year + 1}-03-12 § 3`,
    signedBy: ['Ordföranden', 'Vice ordföranden', 'Ledamot för regionen'],
    forvaltningsberattelse: `Förbundet har under ${year} finansierat insatser för personer långt från arbetsmarknaden.`,
  });
  say(`Årsredovisningen antas och undertecknas ${report.onTime ? 'i tid' : 'för sent'} (sista dag ${report.deadline})`);
  await at(`${year + 1}-04-02T09:00:00Z`);
  for (const auditor of auditors)
    await api.call(auditor.id, 'POST', `${base}/closing/${year}/audit-reports`, {
      recommendation: 'grant',
      statement: 'Vi tillstyrker att styrelsen beviljas ansvarsfrihet.',
    });
  say(`${auditors.length} revisionsberättelser lämnade; alla tillstyrker ansvarsfrihet`);
  for (const [index, member] of members.entries()) {
    await at(`${year + 1}-04-${String(20 + index).padStart(2, '0')}T09:00:00Z`);
    await api.call(reps.get(member.id) as string, 'POST', `${base}/closing/${year}/discharge/${member.id}`, {
      decision: 'granted',
      decidedOn: `${year + 1}-04-${String(20 + index).padStart(2, '0')}`,
      decisionReference: `${member.name}, beslut ${index + 1}`,
    });
  }
  say('Alla medlemmar har beviljat ansvarsfrihet');
  await waitFor(() => stepDone(api, ekonom, base, year, 'year.closed'), 'året stängs');
  say('Likvidavräkning gjord; året är stängt');

  return writeDocuments(api, ekonom, base, year, options.outDir, timeline);
}

/** Scripted actual costs: a little under each cost-reporting member's monthly frame. */
function costOf(memberId: string, month: number): string {
  const base = 50_000 + ((memberId.length * 7919 + month * 104_729) % 40_000);
  return `${base}.00`;
}

async function stepDone(api: SimulationClient, user: string, base: string, year: number, step: string) {
  const cycle = await api.call(user, 'GET', `${base}/cycle/${year}`);
  return cycle.steps[step] !== undefined;
}

async function waitFor(condition: () => Promise<boolean>, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > step_wait_ms_max) throw new Error(`simuleringen väntade förgäves på ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function writeDocuments(
  api: SimulationClient,
  user: string,
  base: string,
  year: number,
  outDir: string,
  timeline: string[],
) {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const save = (name: string, content: Uint8Array | string) => {
    writeFileSync(join(outDir, name), content);
    files.push(name);
  };
  save(`arsredovisning-${year}.pdf`, await api.download(user, `${base}/closing/${year}/annual-report/pdf`));
  for (const report of ['resultatrakning', 'balansrakning', 'kassaflode', 'members'])
    save(`${report}-${year}.xlsx`, await api.download(user, `${base}/ledger/${year}/reports/${report}/xlsx`));
  save(`bokforing-${year}.se`, await api.download(user, `${base}/ledger/${year}/sie`));
  save(`avrakningar-${year}.json`, JSON.stringify(await api.call(user, 'GET', `${base}/avrakning/${year}`), null, 2));
  save(`bokslut-${year}.json`, JSON.stringify(await api.call(user, 'GET', `${base}/closing/${year}`), null, 2));
  save(`tidslinje-${year}.txt`, `${timeline.join('\n')}\n`);
  return { files, timeline };
}

export { demo_forbund_id };
