/**
 * The variation engine's verdicts in plain words, for cards, the tab and screen readers: never colour
 * or an icon alone. Sentence case, UK English, and "average" rather than "mean" or "centre line",
 * because the readers are councillors and service managers, not statisticians.
 *
 * Worked example: seven months in a row below the average of a HIGHER-is-better measure read
 * "Special cause of concern: 7 points in a row below the average"; nine months of history read
 * "Too few points to tell signal from noise: 9 of 15".
 */
import type { SpecialCauseRule } from './special-cause';
import type { Assurance, LatestVariation, VariationAnalysis } from './xmr-chart';

/**
 * What the latest point says: pass the analysis, or its `latest` when it was ANALYSED. Every rule that
 * fired is named, in the order beyond a limit, shift, trend, two of three.
 */
export function describeVariation(subject: VariationAnalysis | LatestVariation): string {
  if ('kind' in subject) {
    if (subject.kind === 'TOO_FEW_POINTS') {
      const since = subject.sinceRebase ? ' since the process changed' : '';
      return `Too few points to tell signal from noise${since}: ${subject.points} of ${subject.needed}`;
    }
    return describeVariation(subject.latest);
  }
  const latest = subject;
  if (latest.variation === 'COMMON_CAUSE') return 'Within normal variation';
  const reasons = latest.rules.map((rule) => reasonFor(rule, latest)).join('; ');
  switch (latest.variation) {
    case 'SPECIAL_CAUSE_IMPROVEMENT':
      return `Special cause of improvement: ${reasons}`;
    case 'SPECIAL_CAUSE_CONCERN':
      return `Special cause of concern: ${reasons}`;
    case 'SPECIAL_CAUSE_NEITHER':
      return `Special cause, neither better nor worse: ${reasons}`;
  }
}

export function describeAssurance(assurance: Assurance): string {
  switch (assurance) {
    case 'CONSISTENTLY_MET':
      return 'The target will consistently be met while the process runs as it does';
    case 'CONSISTENTLY_MISSED':
      return 'The target will consistently be missed unless the process changes';
    case 'HIT_AND_MISS':
      return 'The target will be hit and missed at random while the process runs as it does';
    case 'NO_TARGET':
      return 'No target to give assurance against';
  }
}

function reasonFor(rule: SpecialCauseRule, latest: LatestVariation): string {
  const side = latest.sideOfMean === 'ABOVE' ? 'above' : 'below';
  switch (rule) {
    case 'BEYOND_LIMIT':
      return latest.sideOfMean === 'ABOVE' ? 'above the upper process limit' : 'below the lower process limit';
    case 'SHIFT':
      return `${latest.pointsInRowOnSide} points in a row ${side} the average`;
    case 'TREND': {
      const trend = latest.trend;
      if (trend === null) return 'part of a run of points rising or falling';
      return `${trend.points} points in a row, each ${trend.direction === 'RISING' ? 'higher' : 'lower'} than the one before`;
    }
    case 'TWO_OF_THREE':
      return `two of three points in a row near the ${latest.sideOfMean === 'ABOVE' ? 'upper' : 'lower'} process limit`;
  }
}
