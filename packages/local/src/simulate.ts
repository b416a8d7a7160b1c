import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PresetName, presetSettings, swedishMonthNames } from '@finsam/domain';
import { demo_password } from './demo-data.ts';
import { SimulationClient } from './simulation-client.ts';
import type { SimulationDriver } from './simulation-driver.ts';

export interface SimulationOptions {
  forbundId: string;
  year: number;
  outDir: string;
  preset?: PresetName | undefined;
  /**
   * When the förbund starts keeping its books here, if in the middle of the year (ISO instant):
   * it brings its opening balances and the board's budget decision from before, and the months
   * before this date catch up at once (issue 10 point 5). Without it the year is planned here
   * from the August before.
   */
  joinedOn?: string | undefined;
  /** Called with each line of the timeline as it happens. */
  print?: (line: string) => void;
  /** Called as each step of `simulation_steps` begins, for a progress bar. */
  onProgress?: (progress: SimulationProgress) => void;
  /**
   * A run that may repeat one that was cut off (a crashed runtime): the clock then only moves
   * forward, since the records already written carry their dates. Every act is skipped when its
   * record exists, in any run, so a repeated run goes on where the last one stopped.
   */
  resuming?: boolean | undefined;
}

/** The simulation's first moment: the planning year opens on 15 August the year before. */
export const simulationStart = (year: number) => `${year - 1}-08-15T07:00:00Z`;

/** The steps of a simulated year, in order, as a person would name them. */
export const simulation_steps = [
  'Förbundsordningen och användarna förbereds',
  'Budget, samråd och styrelsens beslut',
  ...swedishMonthNames.map((name) => `Månaden ${name}: avräkning, kostnader och betalningar`),
  'Decembers kostnader och avräkning',
  'Bokslutet',
  'Årsredovisning, revision och ansvarsfrihet',
  'Dokumenten skrivs',
] as const;

export interface SimulationProgress {
  /** 1-based: the step now running. */
  step: number;
  total: number;
  label: string;
}

/** How long the simulation waits for an execution to reach a state (real time). */
const step_wait_ms_max = 30_000;

export interface SimulationContext {
  driver: SimulationDriver;
  api: SimulationClient;
  options: SimulationOptions;
  base: string;
  members: { id: string; name: string; type: string }[];
  reps: Map<string, string>;
  auditors: { id: string; appointedBy: string[] }[];
  users: { ekonom: string; styrelse: string; forbundsadmin: string };
  timeline: string[];
  /** Moves the virtual clock and runs that day's scheduled work. */
  at(iso: string): Promise<void>;
  say(line: string): void;
  /** Reports that the next of `simulation_steps` begins. */
  advance(): void;
}

/**
 * Runs one budget year of a förbund end to end on the virtual clock, with scripted people: the
 * ekonom drafts the budget, every member answers the samråd, the board adopts before 30
 * November, the months pass with avräkning, costs and payments, then bokslut, årsredovisning,
 * revision, each member's ansvarsfrihet and the likvidavräkning. Everything goes through the API,
 * the state machines and the scheduler, as in production; the documents are written to `outDir`.
 */
export async function simulateYear(driver: SimulationDriver, options: SimulationOptions) {
  const context = await prepareSimulation(driver, options);
  context.advance();
  await planYear(context);
  await runMonths(context);
  context.advance();
  await awaitBokslut(context);
  context.advance();
  await finishYear(context);
  context.advance();
  return writeDocuments(context);
}

/** The people of the simulation: one representative per member, one auditor per member (FK and AF jointly). */
export async function prepareSimulation(
  driver: SimulationDriver,
  options: SimulationOptions,
): Promise<SimulationContext> {
  const { forbundId, year } = options;
  let step = 0;
  const advance = () => {
    const label = simulation_steps[step] as string;
    step = Math.min(step + 1, simulation_steps.length);
    options.onProgress?.({ step, total: simulation_steps.length, label });
  };
  advance();
  const api = new SimulationClient(driver.url, demo_password);
  let clock = '';
  const timeline: string[] = [];
  const base = `/forbund/${forbundId}`;
  const charter = await api.call('admin', 'GET', `${base}/charter`);
  const members = charter.members as { id: string; name: string; type: string }[];
  const name = (prefix: string) => `${prefix}-${forbundId}`.slice(0, 60);
  const reps = new Map(members.map((member) => [member.id, name(`rep-${member.id}`)]));
  const appointed = [
    members.filter((m) => m.type === 'fk' || m.type === 'af').map((m) => m.id),
    ...members.filter((m) => m.type !== 'fk' && m.type !== 'af').map((m) => [m.id]),
  ];
  const auditors = appointed.map((ids, index) => ({ id: name(`rev${index + 1}`).slice(0, 40), appointedBy: ids }));
  const users = { ekonom: name('ekonom'), styrelse: name('styrelse'), forbundsadmin: name('admin') };
  for (const member of members)
    await driver.addUser({
      username: reps.get(member.id) as string,
      name: `Representant för ${member.name}`,
      roles: ['member-rep'],
      forbundId,
      memberId: member.id,
    });
  for (const [index, auditor] of auditors.entries())
    await driver.addUser({ username: auditor.id, name: `Revisor ${index + 1}`, roles: ['revisor'], forbundId });
  await driver.addUser({ username: users.ekonom, name: 'Ekonomen', roles: ['ekonom'], forbundId });
  await driver.addUser({ username: users.styrelse, name: 'Ordföranden', roles: ['styrelse'], forbundId });
  await driver.addUser({ username: users.forbundsadmin, name: 'Förbundschefen', roles: ['forbund-admin'], forbundId });
  const context: SimulationContext = {
    driver,
    api,
    options,
    base,
    members,
    reps,
    auditors,
    users,
    timeline,
    advance,
    at: async (iso) => {
      clock = iso.slice(0, 10);
      if (!options.resuming || new Date(iso) > (await driver.now())) await driver.setClock(iso);
      await driver.runScheduler();
    },
    say: (line) => {
      const entry = `${clock}  ${line}`;
      timeline.push(entry);
      options.print?.(entry);
    },
  };
  if (options.preset) {
    const preset = presetSettings(options.preset, members as never);
    // The kommuner's key is what they agreed; a Finsam-share model keeps it (DOMAIN.md §1).
    const settings =
      preset.contributionKey.model === 'finsam'
        ? { ...preset, contributionKey: charter.settings.contributionKey }
        : preset;
    const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = charter;
    await api.call('admin', 'PUT', `${base}/charter`, {
      ...document,
      settings,
      expectedVersion: version,
      effectiveFrom: `${year - 1}-01-01`,
    });
    context.say(`Förbundsordningen följer modellen ${options.preset}`);
  }
  return context;
}

/** Autumn Y-1: budget draft, samråd with every member, adoption by the board before 30 November. */
export async function planYear(context: SimulationContext) {
  const { api, base, members, reps, users, options, at, say } = context;
  const { year } = options;
  if (options.joinedOn) return joinMidYear(context);
  await at(simulationStart(year));
  say('Planeringsåret öppnar; tillståndsmaskinen för planering startar');
  await addInsatsAccount(context);
  const budgetYear = () => api.call(users.ekonom, 'GET', `${base}/budgets/${year}`);
  if ((await budgetYear()).current === null)
    await api.call(users.ekonom, 'PUT', `${base}/budgets/${year}`, simulated_budget);
  await at(`${year - 1}-09-01T07:00:00Z`);
  const round = (await budgetYear()).samrad ?? (await api.call(users.ekonom, 'POST', `${base}/budgets/${year}/samrad`));
  say(`Budgetförslaget går på samråd till ${members.length} medlemmar, svar senast ${round.deadline}`);
  const answered = new Set(((round.answers ?? []) as { memberId: string }[]).map((answer) => answer.memberId));
  for (const [index, member] of members.entries()) {
    if (answered.has(member.id)) continue;
    await at(`${year - 1}-10-${String(10 + index).padStart(2, '0')}T09:00:00Z`);
    await api.call(reps.get(member.id) as string, 'POST', `${base}/budgets/${year}/samrad/answers/${member.id}`, {
      answer: 'agree',
    });
  }
  say('Alla medlemmar har svarat i samrådet');
  await at(`${year - 1}-11-20T14:00:00Z`);
  const adoption =
    (await budgetYear()).adoptions[0] ??
    (await api.call(users.styrelse, 'POST', `${base}/budgets/${year}/adoption`, {
      decisionReference: `Styrelsen ${year - 1}-11-20 § 7`,
    }));
  say(`Styrelsen antar budgeten ${adoption.onTime ? 'i tid' : 'för sent'} (sista dag ${adoption.deadline})`);
  await waitFor(() => stepDone(api, users.ekonom, base, year, 'budget.published'), 'budgeten publiceras');
}

const simulated_budget = {
  frame: '4000000.00',
  plannedEquityUse: '0.00',
  areas: { styrelse: '180000.00', administration: '1400000.00', revision: '95000.00' },
  insatser: [{ id: 'steget', name: 'Steget vidare', amount: '2325000.00' }],
  plan: 'Samverkan för personer långt från arbetsmarknaden.',
  expectedVersion: 0,
};

/** The insats the members' costs are booked to. */
async function addInsatsAccount({ api, base, users }: SimulationContext) {
  const chart = await api.call(users.ekonom, 'GET', `${base}/ledger/accounts`);
  if (!chart.accounts.some((account: { number: string }) => account.number === '4100'))
    await api.call(users.forbundsadmin, 'POST', `${base}/ledger/accounts`, {
      account: { number: '4100', name: 'Insats Steget vidare', kind: 'cost', area: 'insatser', insatsId: 'steget' },
      expectedVersion: chart.version,
    });
}

/**
 * A förbund that starts here in the middle of its year: the ekonom enters the opening balances
 * from the previous system and the budget the board adopted last November, with its decision
 * date and paragraph; the cycle takes the year from there.
 */
async function joinMidYear(context: SimulationContext) {
  const { api, base, users, options, at, say } = context;
  const { year } = options;
  await at(options.joinedOn as string);
  say('Förbundet börjar föra sin ekonomi här mitt i året');
  await addInsatsAccount(context);
  await api.call(users.ekonom, 'PUT', `${base}/ledger/${year}/opening-balances`, {
    balances: { '1930': '850000.00', '2050': '-850000.00' },
    source: `Utgående balanser ${year - 1} enligt förbundets tidigare bokföring`,
  });
  say('Ingående balanser förs in från den tidigare bokföringen');
  await api.call(users.ekonom, 'PUT', `${base}/budgets/${year}`, simulated_budget);
  const adoption = await api.call(users.styrelse, 'POST', `${base}/budgets/${year}/adoption`, {
    decisionReference: `Styrelsen ${year - 1}-11-20 § 7`,
    decidedAt: `${year - 1}-11-20T14:00:00Z`,
  });
  say(`Styrelsens budgetbeslut från ${year - 1}-11-20 förs in (${adoption.onTime ? 'i tid' : 'för sent'})`);
  await context.driver.runScheduler();
  await waitFor(() => stepDone(api, users.ekonom, base, year, 'budget.published'), 'budgeten publiceras');
}

/**
 * The year: avräkning each month, the members' costs in arrears (by the 15th of the month
 * after), payments when they fall due. Time only moves forward, as it does for people.
 */
export async function runMonths(context: SimulationContext) {
  const { api, base, users, options, at } = context;
  const { year } = options;
  // Before a mid-year start the clock stays where it is and the months catch up at once.
  const joined = options.joinedOn ? new Date(options.joinedOn).getTime() : Number.NEGATIVE_INFINITY;
  const moveTo = (iso: string) => (new Date(iso).getTime() < joined ? context.driver.runScheduler() : at(iso));
  for (let month = 1; month <= 12; month++) {
    context.advance();
    const mm = String(month).padStart(2, '0');
    await moveTo(`${year}-${mm}-01T06:00:00Z`);
    if (month === 1) await closeYearBefore(context);
    const text = `Kansli och styrelse ${year}-${mm}`;
    if (!(await voucherBooked(context, 'A', text)))
      await api.call(users.ekonom, 'POST', `${base}/ledger/vouchers`, {
        series: 'A',
        year,
        date: `${year}-${mm}-25`,
        text,
        lines: [
          { account: '5410', amount: '116666.00' },
          { account: '5010', amount: '15000.00' },
          { account: '1930', amount: '-131666.00' },
        ],
      });
    await payWhatIsDue(context, month);
    if (month > 1) {
      await moveTo(`${year}-${mm}-15T09:00:00Z`);
      await reportCosts(context, month - 1);
    }
    await adoptInterimReports(context, `${year}-${mm}-20T14:00:00Z`, moveTo);
  }
  context.advance();
  await at(`${year + 1}-01-15T09:00:00Z`);
  await reportCosts(context, 12);
}

/**
 * January Y: books kept for Y-1 outside the annual cycle (the demo's running year, or a year
 * brought from the förbund's old system) are closed by the ekonom, so that Y opens from Y-1's
 * closing balances and Y's own bokslut is not refused by the year-sequence rule. A Y-1 with an
 * adopted budget is left to its own cycle, which closes it after December's avräkning.
 */
async function closeYearBefore({ api, base, users, options, say }: SimulationContext) {
  const previous = options.year - 1;
  const periods = await api.call(users.ekonom, 'GET', `${base}/ledger/${previous}/periods`);
  if (periods.yearLocked) return;
  const books = await api.call(users.ekonom, 'GET', `${base}/ledger/${previous}/vouchers?limit=1`);
  if (books.items.length === 0) return;
  const cycle = await api.call(users.ekonom, 'GET', `${base}/cycle/${previous}`);
  if (cycle.steps['budget.published'] !== undefined) return;
  await api.call(users.ekonom, 'POST', `${base}/ledger/${previous}/close`, {
    reason: `Bokslut ${previous} innan ${options.year} bokförs`,
  });
  say(`Bokslut ${previous}: året låst och dess utgående balanser blir ${options.year}s ingående`);
}

/** The board adopts, at its meeting on the 20th, each delårsrapport whose period has ended (and that is not adopted yet). */
async function adoptInterimReports(
  context: SimulationContext,
  meeting: string,
  moveTo: (iso: string) => Promise<void>,
) {
  const { api, base, users, options, say } = context;
  const reports = await api.call(users.styrelse, 'GET', `${base}/interim-reports/${options.year}`);
  const adopted = new Set((reports.adopted as { periodEnd: string }[]).map((report) => report.periodEnd));
  for (const periodEnd of reports.dates as string[]) {
    if (adopted.has(periodEnd) || periodEnd >= meeting.slice(0, 10)) continue;
    await moveTo(meeting);
    await api.call(users.styrelse, 'POST', `${base}/interim-reports/${options.year}/${periodEnd}/adoption`, {
      decisionReference: `Styrelsen ${meeting.slice(0, 10)} § 5`,
      comments: 'Verksamheten följer budgeten; helårsprognosen visar ett resultat nära noll.',
    });
    say(`Styrelsen antar delårsrapporten per ${periodEnd}`);
  }
}

/** Whether the year's books hold a voucher of the series with this text (an act of a run that was cut off). */
async function voucherBooked({ api, base, users, options }: SimulationContext, series: string, text: string) {
  let cursor: string | undefined;
  do {
    const query = `series=${series}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api.call(users.ekonom, 'GET', `${base}/ledger/${options.year}/vouchers?${query}`);
    if ((page.items as { text: string }[]).some((voucher) => voucher.text === text)) return true;
    cursor = page.nextCursor;
  } while (cursor);
  return false;
}

/** The members that report actual costs send their invoice for `month`; then the month settles. */
async function reportCosts(context: SimulationContext, month: number) {
  const { api, base, reps, options, driver, say } = context;
  const run = await monthRun(context, month);
  const reporting = (run?.statements ?? []).filter(
    (s: { flow: string }) => s.flow === 'claim-72' || s.flow === 'set-off',
  );
  for (const statement of reporting)
    await api
      .call(
        reps.get(statement.memberId) as string,
        'POST',
        `${base}/avrakning/${options.year}/${month}/costs/${statement.memberId}`,
        {
          lines: [{ account: '4100', amount: costOf(statement.memberId, month), insatsId: 'steget' }],
        },
      )
      .catch((error: Error) => {
        // A month's costs are reported once: 409 is the report an earlier run made.
        if (!error.message.includes(' 409 ')) throw error;
      });
  if (reporting.length > 0) await driver.runScheduler();
  await payWhatIsDue(context, month);
  const settled = await monthRun(context, month);
  say(
    `Avräkning ${options.year}-${String(month).padStart(2, '0')}: ${settled?.complete ? 'klar' : 'väntar på kostnader'}`,
  );
}

/** The ekonom records the bank payments of the month's cash statements (each once, by key). */
async function payWhatIsDue(context: SimulationContext, month: number) {
  const { api, base, users, options } = context;
  const run = await monthRun(context, month);
  for (const statement of run?.statements ?? [])
    if (statement.settlement === 'cash' && statement.complete && statement.amountToPay !== '0.00')
      await api.call(
        users.ekonom,
        'POST',
        `${base}/avrakning/${options.year}/${month}/payments/${statement.memberId}`,
        {
          amount: statement.amountToPay,
          date: statement.paymentDueDate ?? `${options.year}-${String(month).padStart(2, '0')}-10`,
        },
      );
}

async function monthRun({ api, base, users, options }: SimulationContext, month: number) {
  const runs = (await api.call(users.ekonom, 'GET', `${base}/avrakning/${options.year}`)).items;
  return runs.find((run: { month: number }) => run.month === month);
}

/** January Y+1: the scheduler starts the closing once December is settled; the bokslut runs. */
export async function awaitBokslut({ api, base, users, options, at, say }: SimulationContext) {
  await at(`${options.year + 1}-01-20T07:00:00Z`);
  const done = () => stepDone(api, users.ekonom, base, options.year, 'bokslut');
  // A run resumed after a crash may find the closing stopped; the next days' daily runs take it
  // up again, as the nightly schedule does in production.
  for (let day = 21; options.resuming && day <= 23 && !(await waitFor(done, 'bokslutet', false)); day++)
    await at(`${options.year + 1}-01-${day}T07:00:00Z`);
  await waitFor(done, 'bokslutet');
  say('Bokslut: resultatet fördelat enligt förbundsordningen, året låst, nästa års ingående balanser skrivna');
}

/** Spring Y+1: årsredovisning, revision, each member's ansvarsfrihet; then likvidavräkning and close. */
export async function finishYear(context: SimulationContext) {
  const { api, base, users, options, say } = context;
  await adoptAndAudit(context);
  await decideDischarges(context, () => 'granted');
  say('Alla medlemmar har beviljat ansvarsfrihet');
  await waitFor(() => stepDone(api, users.ekonom, base, options.year, 'year.closed'), 'året stängs');
  say('Likvidavräkning gjord; året är stängt');
  await payLikvid(context, 'after-discharge');
}

/**
 * Spring Y+1 up to ansvarsfrihet: what the bokslut settled is paid, the auditors are registered,
 * the board adopts the årsredovisning by 31 March and every auditor recommends ansvarsfrihet.
 */
export async function adoptAndAudit(context: SimulationContext) {
  const { api, base, auditors, users, options, at, say } = context;
  const { year } = options;
  // What the bokslut settled (year-end-only members, or a charter settling at bokslut) falls due first.
  await payLikvid(context, 'at-bokslut');
  const registered = (await api.call(users.forbundsadmin, 'GET', `${base}/auditors`)).items as { id: string }[];
  for (const [index, auditor] of auditors.entries())
    if (!registered.some((r) => r.id === auditor.id))
      await api.call(users.forbundsadmin, 'POST', `${base}/auditors`, {
        id: auditor.id,
        name: `Revisor ${index + 1}`,
        appointedBy: auditor.appointedBy,
        substitute: { name: `Ersättare ${index + 1}` },
      });
  await at(`${year + 1}-03-12T15:00:00Z`);
  const closing = () => api.call(users.ekonom, 'GET', `${base}/closing/${year}`);
  const report =
    (await closing()).annualReport ??
    (await api.call(users.styrelse, 'POST', `${base}/closing/${year}/annual-report`, {
      decisionReference: `Styrelsen ${year + 1}-03-12 § 3`,
      signedBy: ['Ordföranden', 'Vice ordföranden', 'Ledamot för regionen'],
      forvaltningsberattelse: `Förbundet har under ${year} finansierat insatser för personer långt från arbetsmarknaden.`,
    }));
  say(`Årsredovisningen antas och undertecknas ${report.onTime ? 'i tid' : 'för sent'} (sista dag ${report.deadline})`);
  await at(`${year + 1}-04-02T09:00:00Z`);
  const reported = new Set(((await closing()).auditReports as { auditorId: string }[]).map((r) => r.auditorId));
  for (const auditor of auditors)
    if (!reported.has(auditor.id))
      await api.call(auditor.id, 'POST', `${base}/closing/${year}/audit-reports`, {
        recommendation: 'grant',
        statement: 'Vi tillstyrker att styrelsen beviljas ansvarsfrihet.',
      });
  say(`${auditors.length} revisionsberättelser lämnade; alla tillstyrker ansvarsfrihet`);
}

/** Each member's council decides on ansvarsfrihet, one a day from 20 April, as `decide` says. */
export async function decideDischarges(
  context: SimulationContext,
  decide: (member: { id: string; name: string }) => 'granted' | 'refused',
) {
  const { api, base, members, reps, users, options, at } = context;
  const closing = await api.call(users.ekonom, 'GET', `${base}/closing/${options.year}`);
  const decided = new Set((closing.discharges as { memberId: string }[]).map((discharge) => discharge.memberId));
  for (const [index, member] of members.entries()) {
    if (decided.has(member.id)) continue;
    const day = `${options.year + 1}-04-${String(20 + index).padStart(2, '0')}`;
    await at(`${day}T09:00:00Z`);
    await api.call(reps.get(member.id) as string, 'POST', `${base}/closing/${options.year}/discharge/${member.id}`, {
      decision: decide(member),
      decidedOn: day,
      decisionReference: `${member.name}, beslut ${index + 1}`,
    });
  }
}

/**
 * The likvidavräkning is a receivable or payable due on its due date: the ekonom registers each
 * payment on that day through the members' payment route, which clears it.
 */
export async function payLikvid(context: SimulationContext, timing: 'at-bokslut' | 'after-discharge') {
  const { api, base, users, options, members, at, say } = context;
  const closing = await api.call(users.ekonom, 'GET', `${base}/closing/${options.year}`);
  const issued = (closing.likvidavrakning as { timing: string; statements: LikvidStatementReply[] }[])
    .filter((entry) => entry.timing === timing)
    .flatMap((entry) => entry.statements)
    .filter((statement) => statement.amount !== '0.00')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const statement of issued) {
    await at(`${statement.dueDate}T09:00:00Z`);
    const name = members.find((member) => member.id === statement.memberId)?.name ?? statement.memberId;
    await api.call(users.ekonom, 'POST', `${base}/avrakning/${options.year}/12/payments/${statement.memberId}`, {
      amount: statement.amount,
      date: statement.dueDate,
      text: `Betalning likvidavräkning ${options.year}, ${name}`,
    });
  }
  if (issued.length > 0)
    say(`Likvidavräkningen ${options.year} betald för ${issued.length} medlemmar på förfallodagen`);
}

interface LikvidStatementReply {
  memberId: string;
  amount: string;
  dueDate: string;
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

/** Waits until `condition` holds; past the limit it throws, or with `orThrow` false answers false. */
async function waitFor(condition: () => Promise<boolean>, what: string, orThrow = true): Promise<boolean> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > step_wait_ms_max) {
      if (orThrow) throw new Error(`simuleringen väntade förgäves på ${what}`);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

export async function writeDocuments({ api, base, options, timeline, users }: SimulationContext) {
  const { year, outDir } = options;
  const user = users.ekonom;
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
  const closing = await api.call(user, 'GET', `${base}/closing/${year}`);
  save(`bokslut-${year}.json`, JSON.stringify(closing, null, 2));
  // Each member's settlement document, as the member's finance system receives it.
  for (const statement of (closing.likvidavrakning as { statements: LikvidStatementReply[] }[]).flatMap(
    (entry) => entry.statements,
  ))
    save(
      `likvidavrakning-${year}-${statement.memberId}.pdf`,
      await api.download(user, `${base}/closing/${year}/likvidavrakning/${statement.memberId}/pdf`),
    );
  save(`tidslinje-${year}.txt`, `${timeline.join('\n')}\n`);
  return { files, timeline };
}
