import { z } from 'zod';
import { isoDate, organisationsnummer } from './charter/schema.ts';

/** Sweden's 21 län; the national view aggregates by them. */
export const lanNames = [
  'Blekinge län',
  'Dalarnas län',
  'Gotlands län',
  'Gävleborgs län',
  'Hallands län',
  'Jämtlands län',
  'Jönköpings län',
  'Kalmar län',
  'Kronobergs län',
  'Norrbottens län',
  'Skåne län',
  'Stockholms län',
  'Södermanlands län',
  'Uppsala län',
  'Värmlands län',
  'Västerbottens län',
  'Västernorrlands län',
  'Västmanlands län',
  'Västra Götalands län',
  'Örebro län',
  'Östergötlands län',
] as const;

/** The förbund itself: its own legal person (a kommunalförbund) with its own organisationsnummer. */
export const forbundProfileSchema = z.object({
  name: z.string().trim().min(3).max(200),
  organisationsnummer,
  lan: z.enum(lanNames, { error: 'Välj ett av Sveriges 21 län.' }),
  seat: z.string().trim().min(1).max(100),
  formationDate: isoDate,
});
export type ForbundProfile = z.infer<typeof forbundProfileSchema>;
