import { describe, expect, it } from 'vitest';
import { bankHolidays, isBankDay, onOrNextBankDay } from './bank-days.ts';

/** Checked against the almanac by hand: the Swedish days the banks are closed, 2027 and 2028. */
describe('Swedish bank days', () => {
  it('closes on the allmänna helgdagar and on midsommarafton, julafton and nyårsafton', () => {
    expect([...bankHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-26',
      '2027-03-28',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-16',
      '2027-06-06',
      '2027-06-25',
      '2027-06-26',
      '2027-11-06',
      '2027-12-24',
      '2027-12-25',
      '2027-12-26',
      '2027-12-31',
    ]);
  });

  it('moves a due date off weekends and holidays to the next bank day', () => {
    expect(onOrNextBankDay('2028-04-14')).toBe('2028-04-18'); // långfredag → tisdag efter annandag påsk
    expect(onOrNextBankDay('2028-06-23')).toBe('2028-06-26'); // midsommarafton, fredag
    expect(onOrNextBankDay('2027-12-24')).toBe('2027-12-27');
    expect(onOrNextBankDay('2028-05-25')).toBe('2028-05-26'); // Kristi himmelsfärdsdag
    expect(onOrNextBankDay('2028-03-01')).toBe('2028-03-01');
    expect(isBankDay('2028-01-05')).toBe(true); // trettondagsafton is a bank day
    expect(isBankDay('2028-04-29')).toBe(false); // a Saturday
  });
});
