import { exportSie4 } from '@finsam/domain';
import type { YearContext } from './year-context.ts';

/** The year as a SIE 4 file (CP437), named by organisationsnummer and year as auditors expect. */
export function sieFile(context: YearContext, year: number, now: Date, generatedBy: string) {
  const { bytes } = exportSie4({
    program: { name: 'Finsam Cloud', version: '1.0' },
    generated: { date: now.toISOString().slice(0, 10), by: generatedBy },
    forbund: { name: context.forbund.name, organisationsnummer: context.forbund.organisationsnummer },
    year,
    chart: context.chart,
    vouchers: context.vouchers,
    openingBalances: context.opening,
    members: context.members,
  });
  return { bytes, fileName: `${context.forbund.organisationsnummer}-${year}.se` };
}
