import { directionOfTravel, travelArrow } from '../../../src/domain/travel';
import type { Polarity, Travel } from '../../../src/domain/types';

describe('directionOfTravel', () => {
  it.each<[string, number | null, number | null, Polarity, number | null, number, Travel]>([
    ['recycling up from 50.1% to 52.5%', 52.5, 50.1, 'HIGHER', 52.5, 1, 'IMPROVED'],
    ['recycling down from 52.5% to 50.1%', 50.1, 52.5, 'HIGHER', 52.5, 1, 'WORSENED'],
    ['recycling the same', 52.5, 52.5, 'HIGHER', 52.5, 1, 'UNCHANGED'],
    ['claims down from 24 to 22 days', 22, 24, 'LOWER', 20, 0, 'IMPROVED'],
    ['claims up from 22 to 24 days', 24, 22, 'LOWER', 20, 0, 'WORSENED'],
    ['claims the same', 22, 22, 'LOWER', 20, 0, 'UNCHANGED'],
    ['higher is better needs no target', 61, 60, 'HIGHER', null, 0, 'IMPROVED'],
    ['lower is better needs no target', 59, 60, 'LOWER', null, 0, 'IMPROVED'],
    ['goal-post: from 10 off to 3 off', 103, 90, 'GOALPOST', 100, 0, 'IMPROVED'],
    ['goal-post: from 3 off to 10 off', 90, 103, 'GOALPOST', 100, 0, 'WORSENED'],
    ['goal-post: crossing the target at the same distance', 102, 98, 'GOALPOST', 100, 0, 'UNCHANGED'],
    ['goal-post: onto the target', 100, 98, 'GOALPOST', 100, 0, 'IMPROVED'],
    ['goal-post: overshooting further than before', 110, 95, 'GOALPOST', 100, 0, 'WORSENED'],
    ['goal-post with no target cannot be judged', 103, 90, 'GOALPOST', null, 0, 'NOT_COMPARABLE'],
    ['goal-post with no target but the same figure', 90, 90, 'GOALPOST', null, 0, 'UNCHANGED'],
    ['no current figure', null, 20, 'HIGHER', 20, 0, 'NOT_COMPARABLE'],
    ['no comparator (first period)', 20, null, 'LOWER', 20, 0, 'NOT_COMPARABLE'],
    ['neither figure', null, null, 'GOALPOST', 20, 0, 'NOT_COMPARABLE'],
    ['a change too small to show at 1 dp', 98.64, 98.61, 'HIGHER', 98.6, 1, 'UNCHANGED'],
    ['a change that shows at 2 dp', 98.64, 98.61, 'HIGHER', 98.6, 2, 'IMPROVED'],
    ['0.1 + 0.2 against 0.3', 0.1 + 0.2, 0.3, 'LOWER', null, 2, 'UNCHANGED'],
    ['goal-post distances with float noise: 0.3 and 0.1 are both 0.1 from 0.2', 0.3, 0.1, 'GOALPOST', 0.2, 1, 'UNCHANGED'],
    ['goal-post around a negative target', -9, -12, 'GOALPOST', -10, 0, 'IMPROVED'],
    ['negative values, higher is better', -40000, -55000, 'HIGHER', -50000, 0, 'IMPROVED'],
    ['negative values, lower is better', -7, -10, 'LOWER', -10, 0, 'WORSENED'],
    ['from zero', 1, 0, 'HIGHER', null, 0, 'IMPROVED'],
  ])('%s (now %j, before %j, %s, target %j, %i dp) → %s', (_, current, comparator, polarity, target, decimals, expected) => {
    expect(directionOfTravel(current, comparator, polarity, target, decimals)).toBe(expected);
  });
});

describe('travelArrow', () => {
  it.each<[Travel, string]>([
    ['IMPROVED', '▲ improved'],
    ['WORSENED', '▼ worsened'],
    ['UNCHANGED', '▶ unchanged'],
    ['NOT_COMPARABLE', '– not comparable'],
  ])('%s reads %j', (travel, text) => {
    expect(travelArrow(travel)).toBe(text);
  });
});
