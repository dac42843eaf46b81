/** One line of `npm run bench` output (docs/CONTRACT.md, benchmark). */
export interface Figure {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: number;
}
