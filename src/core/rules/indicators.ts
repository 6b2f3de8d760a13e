import type { Finding } from '../findings';
import type { IndicatorValues } from '../model';

/** IND: consistency of a prefecture's 附件2 indicators. */
export function checkIndicators(ind: IndicatorValues, file: string): Finding[] {
  void ind;
  void file;
  return [];
}
