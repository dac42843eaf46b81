/** One line of `npm run bench` output (docs/CONTRACT.md, benchmark). */
export interface Figure {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: number;
  /**
   * What `target` bounds when a figure has both: its `ratio` to the baseline (the default) or its
   * `value` itself (an absolute goal such as "first rows within 150 ms", with the baseline shown
   * for scale only).
   */
  goalOn?: 'ratio' | 'value';
}
