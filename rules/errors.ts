import type { CheckIssue } from '../knowledge/check-issue.ts';

/** A parameter file (or several) is malformed; each issue names the file and field. */
export class RulesFormatError extends Error {
  readonly issues: CheckIssue[];
  constructor(issues: CheckIssue[]) {
    super(`規則參數格式錯誤 ${issues.length} 處：${issues.map((i) => `${i.file} ${i.field ?? ''} ${i.message}`).join('；')}`);
    this.name = 'RulesFormatError';
    this.issues = issues;
  }
}

/** The parameter exists but has no value in force at the date asked. */
export class ParameterNotInForceError extends Error {
  readonly parameter: string;
  readonly date: string;
  constructor(name: string, date: string) {
    super(`參數 ${name} 於 ${date} 無生效中的數值`);
    this.name = 'ParameterNotInForceError';
    this.parameter = name;
    this.date = date;
  }
}

/** No parameter file has this name. */
export class UnknownParameterError extends Error {
  readonly parameter: string;
  constructor(name: string) {
    super(`沒有名為 ${name} 的參數`);
    this.name = 'UnknownParameterError';
    this.parameter = name;
  }
}

/** The calculator read a parameter as a unit it does not have (a programming or data error). */
export class ParameterUnitError extends Error {
  readonly parameter: string;
  constructor(name: string, expected: string, actual: string) {
    super(`參數 ${name} 的單位是 ${actual}，計算需要 ${expected}`);
    this.name = 'ParameterUnitError';
    this.parameter = name;
  }
}

/** An input the calculator cannot accept (negative amount, ratio above 100%, …); names the field. */
export class InvalidInputError extends Error {
  readonly field: string;
  /** What is wrong, in words for the person who gave the input (the message also names the field). */
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`${field}：${reason}`);
    this.name = 'InvalidInputError';
    this.field = field;
    this.reason = reason;
  }
}

/** A calculation needs facts the caller has not given; the bot asks for them. */
export class MissingFactsError extends Error {
  readonly missing: string[];
  constructor(missing: string[], message: string) {
    // A question to ask, not a fault: no stack trace (capturing one costs more than the calculation it stops).
    const frames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = frames;
    this.name = 'MissingFactsError';
    this.missing = missing;
  }
}

/**
 * The sources give no single fee rate for this case (a range such as 0.395%~0.75% decided case by case,
 * or no rate at all); the caller may pass the rate the fund quoted as `annualRate`.
 */
export class RateNotDeterminedError extends Error {
  readonly programme: string;
  readonly range: { min: number; max: number } | undefined;
  constructor(programme: string, range: { min: number; max: number } | undefined) {
    // Like MissingFactsError, a question to ask: no stack trace.
    const frames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(
      range
        ? `${programme} 的保證手續費年費率為 ${range.min}%~${range.max}%，依個案核定；請提供核定的年費率`
        : `來源文件未載 ${programme} 的保證手續費年費率；請提供核定的年費率`,
    );
    Error.stackTraceLimit = frames;
    this.name = 'RateNotDeterminedError';
    this.programme = programme;
    this.range = range;
  }
}
