/**
 * Expert scores carried across a re-merge: the 评审得分 already entered in the previous province roll-up go to the
 * same cases of the new one (by case identity, core/identity.ts — a prefecture's re-sent file under another name
 * included), and every score that cannot be carried is named with the reason. A case that already has a score of its
 * own in the new merge keeps it.
 */
import { matchCases, type UnmatchedReason } from "./identity";
import type { CaseRecord } from "./model";

/** A case with the score experts gave it, as read back from a roll-up (its identity fields and the score). */
export type ScoredCase = Pick<
  CaseRecord,
  "prefecture" | "caseName" | "enterprise" | "uscc" | "direction" | "score"
>;

/** The scored cases among records (what a roll-up read back carries to the next merge). */
export function scoredCases(records: readonly CaseRecord[]): ScoredCase[] {
  return records
    .filter((r) => r.score !== null)
    .map(({ prefecture, caseName, enterprise, uscc, direction, score }) => ({
      prefecture,
      caseName,
      enterprise,
      uscc,
      direction,
      score,
    }));
}

export interface LostScore {
  prefecture: CaseRecord["prefecture"];
  caseName: string;
  enterprise: string;
  score: number;
  reason: UnmatchedReason;
  /** Chinese, for the report. */
  message: string;
}

export interface ScoreCarry {
  /** How many scores went to a case of the new merge. */
  carried: number;
  lost: LostScore[];
}

const REASON: Record<UnmatchedReason, string> = {
  gone: "新的汇总中没有这个案例（该市州新的报送中已不含它，或案例名称、企业名称都已改动）",
  ambiguous: "新的汇总中有多个案例都可能是它，无法确定，未带入",
};

/** The new records with the previous scores where they have none, and what could not be carried. */
export function carryScores(
  records: readonly CaseRecord[],
  previous: readonly ScoredCase[]
): { records: CaseRecord[]; carry: ScoreCarry } {
  const scored = previous.filter((r) => r.score !== null);
  const { matched, unmatched } = matchCases(scored, records, (r) => r);
  let carried = 0;
  const out = records.map((r, i) => {
    const old = matched.get(i);
    if (!old || r.score !== null) return r;
    carried += 1;
    return { ...r, score: old.score };
  });
  const lost = unmatched.map(({ item, reason }) => ({
    prefecture: item.prefecture,
    caseName: item.caseName,
    enterprise: item.enterprise,
    score: item.score!,
    reason,
    message: `${item.prefecture ?? "未识别市州"}“${item.caseName}”（${item.enterprise}）的评审得分 ${item.score} 未带入：${REASON[reason]}`,
  }));
  return { records: out, carry: { carried, lost } };
}

/** "已带入评审得分 n 个。", or "已带入评审得分 n 个，m 个未能带入：" followed by the lost scores' messages. */
export function carryHeadline(carry: ScoreCarry): string {
  const { carried, lost } = carry;
  return `已带入评审得分 ${carried} 个${lost.length ? `，${lost.length} 个未能带入：` : "。"}`;
}
