/** One piece of evidence for (positive weight) or against (negative) a sentence being the writer's judgement. */
export interface CueHit {
  kind: string;
  weight: number;
  /** Token range [first, last) of the cue. */
  first: number;
  last: number;
}
