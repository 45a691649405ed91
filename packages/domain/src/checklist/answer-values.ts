/**
 * What a round can say. はい and いいえ are the form's; 該当なし (`not_applicable`) is written in the answer cell of a
 * device row the facility has none of (Q&A 12-B-8), with the reason as a footnote.
 */
export const answerValues = ['yes', 'no', 'not_applicable'] as const;
export type AnswerValue = (typeof answerValues)[number];
