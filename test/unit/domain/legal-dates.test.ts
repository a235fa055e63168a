import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  deemedReceivedElectronic,
  deemedReceivedLetter,
  helsinkiDate,
  isNonWorkingDay,
  periodEnd,
  rectificationDeadline,
} from '../../../src/domain/legal-dates.js';

const utc = (iso: string): Date => new Date(iso);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

const dayArb = fc
  .date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('helsinkiDate', () => {
  test('winter time is UTC+2', () => {
    assert.equal(helsinkiDate(utc('2026-01-15T21:59:59Z')), '2026-01-15');
    assert.equal(helsinkiDate(utc('2026-01-15T22:00:00Z')), '2026-01-16');
  });

  test('summer time is UTC+3', () => {
    assert.equal(helsinkiDate(utc('2026-07-01T20:59:59Z')), '2026-07-01');
    assert.equal(helsinkiDate(utc('2026-07-01T21:00:00Z')), '2026-07-02');
  });

  test('a message sent at 23:30 UTC is already dated the next day', () => {
    // Winter and summer time, the turn of the year and a leap day.
    const sentOnAndDated = [
      ['2026-02-10', '2026-02-11'],
      ['2026-08-10', '2026-08-11'],
      ['2026-12-31', '2027-01-01'],
      ['2028-02-28', '2028-02-29'],
    ] as const;
    for (const [sentOn, dated] of sentOnAndDated) {
      assert.equal(helsinkiDate(utc(`${sentOn}T23:30:00Z`)), dated, sentOn);
    }
  });

  test('across the spring change on 2026-03-29', () => {
    assert.equal(helsinkiDate(utc('2026-03-28T21:59:59Z')), '2026-03-28');
    assert.equal(helsinkiDate(utc('2026-03-28T22:00:00Z')), '2026-03-29');
    assert.equal(
      helsinkiDate(utc('2026-03-29T00:59:59Z')),
      '2026-03-29',
      '02:59 EET, just before the change',
    );
    assert.equal(helsinkiDate(utc('2026-03-29T01:00:00Z')), '2026-03-29', '04:00 EEST, just after');
    assert.equal(helsinkiDate(utc('2026-03-29T20:59:59Z')), '2026-03-29');
    assert.equal(helsinkiDate(utc('2026-03-29T21:00:00Z')), '2026-03-30');
  });

  test('across the autumn change on 2026-10-25', () => {
    assert.equal(helsinkiDate(utc('2026-10-24T20:59:59Z')), '2026-10-24');
    assert.equal(helsinkiDate(utc('2026-10-24T21:00:00Z')), '2026-10-25');
    assert.equal(helsinkiDate(utc('2026-10-25T00:30:00Z')), '2026-10-25', 'first 03:30');
    assert.equal(helsinkiDate(utc('2026-10-25T01:30:00Z')), '2026-10-25', 'repeated 03:30');
    assert.equal(helsinkiDate(utc('2026-10-25T21:59:59Z')), '2026-10-25');
    assert.equal(helsinkiDate(utc('2026-10-25T22:00:00Z')), '2026-10-26');
  });

  test('does not depend on the time zone of the process', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        assert.equal(helsinkiDate(utc('2026-03-28T22:30:00Z')), '2026-03-29', tz);
        assert.equal(isNonWorkingDay('2026-06-19'), true, tz);
        assert.equal(periodEnd('2026-05-20', 30), '2026-06-22', tz);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  test('throws RangeError on an invalid Date', () => {
    assert.throws(() => helsinkiDate(new Date(Number.NaN)), RangeError);
  });

  test('is always the UTC date two or three hours later', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const plus = (hours: number): string =>
            new Date(instant.getTime() + hours * 3_600_000).toISOString().slice(0, 10);
          assert.ok([plus(2), plus(3)].includes(helsinkiDate(instant)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('asked minute by minute through a year of both changes, agrees with the calendar each time', () => {
    // helsinkiDate remembers the last UTC hour's date; asked in order, every answer but the first
    // of each hour comes from that memory.
    const calendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' });
    const start = Date.UTC(2026, 0, 1);
    for (let time = start; time < Date.UTC(2027, 0, 1); time += 7 * 60_000) {
      const instant = new Date(time);
      assert.equal(helsinkiDate(instant), calendar.format(instant), instant.toISOString());
    }
  });
});

describe('addDays', () => {
  test('does calendar arithmetic', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addDays('1900-02-28', 1), '1900-03-01');
    assert.equal(addDays('2000-02-28', 1), '2000-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(addDays('2026-05-27', 0), '2026-05-27');
    assert.equal(addDays('2026-01-01', 365), '2027-01-01');
    assert.equal(addDays('2028-01-01', 366), '2029-01-01');
  });

  test('is unaffected by the DST days, which are not 24 hours long in Helsinki', () => {
    assert.equal(addDays('2026-03-28', 1), '2026-03-29');
    assert.equal(addDays('2026-03-29', 1), '2026-03-30');
    assert.equal(addDays('2026-10-25', 1), '2026-10-26');
    assert.equal(addDays('2026-10-26', -1), '2026-10-25');
    assert.equal(addDays('2026-03-20', 30), '2026-04-19');
  });

  test('throws RangeError on malformed dates or day counts', () => {
    for (const date of [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-2-3',
      '26-02-03',
      '2026-02-03T00:00',
      '',
      ' 2026-02-03',
    ]) {
      assert.throws(() => addDays(date, 1), RangeError, date);
    }
    for (const days of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => addDays('2026-02-03', days), RangeError, String(days));
    }
  });

  test('composes and inverts', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (day, a, b) => {
          assert.equal(addDays(addDays(day, a), -a), day);
          assert.equal(addDays(addDays(day, a), b), addDays(day, a + b));
          const span = Date.parse(`${addDays(day, a)}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`);
          assert.equal(span, a * 86_400_000);
        },
      ),
    );
  });
});

describe('deemedReceivedElectronic', () => {
  test('is the third day after the day the message became available', () => {
    assert.equal(deemedReceivedElectronic(utc('2026-03-02T10:00:00Z')), '2026-03-05');
    assert.equal(deemedReceivedElectronic(utc('2026-03-01T22:00:00Z')), '2026-03-05', 'midnight in Helsinki');
  });

  test('counts from the Helsinki date of a late UTC send', () => {
    assert.equal(deemedReceivedElectronic(utc('2026-03-02T21:59:59Z')), '2026-03-05');
    assert.equal(deemedReceivedElectronic(utc('2026-03-02T23:30:00Z')), '2026-03-06');
  });

  test('is not moved off weekends or holidays', () => {
    assert.equal(deemedReceivedElectronic(utc('2026-03-05T10:00:00Z')), '2026-03-08', 'a Sunday');
    assert.equal(deemedReceivedElectronic(utc('2026-12-21T10:00:00Z')), '2026-12-24', 'Christmas Eve');
    assert.equal(deemedReceivedElectronic(utc('2026-06-16T10:00:00Z')), '2026-06-19', 'Midsummer Eve');
  });

  test('is right across DST changes', () => {
    assert.equal(deemedReceivedElectronic(utc('2026-03-28T22:30:00Z')), '2026-04-01');
    assert.equal(deemedReceivedElectronic(utc('2026-03-27T12:00:00Z')), '2026-03-30');
    assert.equal(deemedReceivedElectronic(utc('2026-10-24T21:30:00Z')), '2026-10-28');
    assert.equal(deemedReceivedElectronic(utc('2026-10-23T12:00:00Z')), '2026-10-26');
  });
});

describe('deemedReceivedLetter', () => {
  test('is the seventh day after posting', () => {
    assert.equal(deemedReceivedLetter(utc('2026-03-02T12:00:00Z')), '2026-03-09');
    assert.equal(deemedReceivedLetter(utc('2026-03-02T23:30:00Z')), '2026-03-10');
    assert.equal(deemedReceivedLetter(utc('2026-12-28T12:00:00Z')), '2027-01-04');
  });

  test('is not moved off weekends or holidays', () => {
    assert.equal(deemedReceivedLetter(utc('2026-12-18T12:00:00Z')), '2026-12-25', 'Christmas Day');
    assert.equal(deemedReceivedLetter(utc('2026-03-07T12:00:00Z')), '2026-03-14', 'a Saturday');
  });

  test('is right across DST changes', () => {
    assert.equal(deemedReceivedLetter(utc('2026-03-28T22:30:00Z')), '2026-04-05');
    assert.equal(deemedReceivedLetter(utc('2026-10-24T21:30:00Z')), '2026-11-01');
  });
});

/** Asserts of each date that it is a non-working day (or, with `expected` false, a working day). */
function assertNonWorking(dates: readonly string[], expected = true): void {
  for (const date of dates) assert.equal(isNonWorkingDay(date), expected, date);
}

describe('isNonWorkingDay', () => {
  test('ordinary weekdays are working days', () => {
    assertNonWorking(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'], false);
  });

  test('Saturdays and Sundays are not', () => {
    assertNonWorking(['2026-03-07', '2026-03-08']);
  });

  test('every weekday public holiday of 2026 is non-working', () => {
    const newYearAndEpiphany = ['2026-01-01', '2026-01-06'];
    const easterMayDayAscension = ['2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14'];
    assertNonWorking([...newYearAndEpiphany, ...easterMayDayAscension, '2026-12-25']);
  });

  test('Independence Day, 6 December', () => {
    assert.equal(isNonWorkingDay('2024-12-06'), true, 'Friday');
    assert.equal(isNonWorkingDay('2027-12-06'), true, 'Monday');
    assert.equal(isNonWorkingDay('2027-12-07'), false);
  });

  test('May Day', () => {
    assertNonWorking(['2026-05-01', '2025-05-01']);
    assertNonWorking(['2025-05-02'], false);
  });

  test('Christmas Eve, Christmas Day and Boxing Day', () => {
    assertNonWorking(['2025-12-24', '2025-12-25', '2025-12-26', '2026-12-24']);
    assertNonWorking(['2025-12-23', '2026-12-28'], false);
  });

  test('New Year’s Eve is a working day', () => {
    assertNonWorking(['2025-12-31', '2026-12-31'], false);
  });

  test('Midsummer Eve is the Friday between 19 and 25 June', () => {
    assertNonWorking(['2026-06-19', '2025-06-20', '2027-06-25']);
    assertNonWorking(['2026-06-18', '2025-06-19'], false);
    assert.equal(isNonWorkingDay('2027-06-18'), false, 'a Friday, but too early');
    assert.equal(isNonWorkingDay('2026-06-26'), false, 'a Friday, but too late');
    assert.equal(isNonWorkingDay('2026-06-20'), true, 'Midsummer Day');
    for (let year = 1960; year <= 2099; year++) {
      const eves = [19, 20, 21, 22, 23, 24, 25]
        .map((day) => `${year}-06-${day}`)
        .filter((date) => weekday(date) === 5);
      assert.equal(eves.length, 1);
      assert.equal(isNonWorkingDay(eves[0] ?? ''), true, eves[0]);
    }
  });

  test('Easter and Ascension move with Easter', () => {
    assert.equal(isNonWorkingDay('2025-04-18'), true, 'Good Friday 2025');
    assert.equal(isNonWorkingDay('2025-04-21'), true, 'Easter Monday 2025');
    assert.equal(isNonWorkingDay('2025-05-29'), true, 'Ascension 2025');
    assert.equal(isNonWorkingDay('2025-04-17'), false, 'Maundy Thursday');
    assert.equal(isNonWorkingDay('2025-04-22'), false);
  });

  test('every Saturday and Sunday is non-working', () => {
    fc.assert(
      fc.property(dayArb, (date) => {
        if (weekday(date) === 0 || weekday(date) === 6) assert.equal(isNonWorkingDay(date), true);
      }),
    );
  });

  test('throws RangeError on malformed dates', () => {
    for (const date of ['2026-02-29', '2026-6-19', '19.6.2026', '']) {
      assert.throws(() => isNonWorkingDay(date), RangeError, date);
    }
  });
});

describe('periodEnd', () => {
  test('does not count the day of notice', () => {
    assert.equal(periodEnd('2026-03-02', 1), '2026-03-03');
    assert.equal(periodEnd('2026-03-02', 14), '2026-03-16');
  });

  test('a period ending at a weekend runs on to Monday', () => {
    assert.equal(periodEnd('2026-03-02', 5), '2026-03-09', 'Saturday');
    assert.equal(periodEnd('2026-03-02', 6), '2026-03-09', 'Sunday');
  });

  test('runs on past Midsummer Eve and the weekend after it', () => {
    assert.equal(periodEnd('2026-06-05', 14), '2026-06-22');
  });

  test('runs on past Christmas', () => {
    assert.equal(periodEnd('2026-12-10', 14), '2026-12-28');
    assert.equal(periodEnd('2025-12-17', 7), '2025-12-29', 'Wed 24th, Thu 25th, Fri 26th, weekend');
  });

  test('runs on past Independence Day', () => {
    assert.equal(periodEnd('2027-11-29', 7), '2027-12-07');
    assert.equal(periodEnd('2024-11-29', 7), '2024-12-09', 'Friday 6th and the weekend');
  });

  test('runs on past Easter', () => {
    assert.equal(periodEnd('2026-03-27', 7), '2026-04-07');
  });

  test('stops on New Year’s Eve, which is a working day', () => {
    assert.equal(periodEnd('2025-12-17', 14), '2025-12-31');
  });

  test('throws RangeError for a period that is not a positive whole number', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => periodEnd('2026-03-02', days), RangeError, String(days));
    }
    assert.throws(() => periodEnd('2026-02-30', 14), RangeError);
  });

  test('ends on the first working day on or after the nominal last day', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 400 }), (notice, days) => {
        const nominal = addDays(notice, days);
        const end = periodEnd(notice, days);
        assert.ok(end >= nominal);
        assert.equal(isNonWorkingDay(end), false);
        for (let day = nominal; day < end; day = addDays(day, 1)) assert.equal(isNonWorkingDay(day), true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('rectificationDeadline', () => {
  const cases: Array<[name: string, notice: string, deadline: string]> = [
    ['is 30 days after notice on an ordinary weekday', '2026-03-02', '2026-04-01'],
    ['moves off Christmas Eve and the holidays after it', '2026-11-24', '2026-12-28'],
    ['moves off Midsummer Eve', '2026-05-20', '2026-06-22'],
    ['moves off Good Friday past Easter Monday', '2026-03-04', '2026-04-07'],
    ['moves off Independence Day', '2027-11-06', '2027-12-07'],
    ['moves off May Day', '2026-04-01', '2026-05-04'],
  ];
  for (const [name, notice, deadline] of cases) {
    test(name, () => assert.equal(rectificationDeadline(notice), deadline));
  }

  test('chains from the deemed date of an electronic notice', () => {
    // Sent late on Sunday 22 March 2026 UTC, which is already Monday in Helsinki.
    const notice = deemedReceivedElectronic(utc('2026-03-22T23:30:00Z'));
    assert.equal(notice, '2026-03-26');
    assert.equal(rectificationDeadline(notice), '2026-04-27', '25 April is a Saturday');
  });

  test('equals a 30-day period', () => {
    fc.assert(
      fc.property(dayArb, (notice) => assert.equal(rectificationDeadline(notice), periodEnd(notice, 30))),
    );
  });
});
