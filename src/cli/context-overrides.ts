import type { ClaimContext } from '../rules/claim';

/** Claim context given on the command line; it wins over the claim file's own values. */
export type ContextOverrides = Partial<
  Pick<
    ClaimContext,
    | 'payer'
    | 'unitMethod'
    | 'locality'
    | 'setting'
    | 'participating'
    | 'qualifyingApm'
    | 'therapyYearToDate'
    | 'therapyYearToDateOt'
    | 'feePercentOfMedicare'
  >
>;
