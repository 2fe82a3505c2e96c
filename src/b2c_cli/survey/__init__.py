"""`b2c score` as a library: survey exports scored against a partnership's indicators (DESIGN.md §3).

The steps, each one module, in the order they run (`pipeline.score`):

1. `ingest` (its own package) opens the export and says which tool's layout it is: columns and rows.
2. `matching`: each workbook statement finds its column, by the text residents saw or a stated `column:`,
   never by position.
3. `answers`: one pass turns the matched cells into answer codes on the indicator's scale
   (`b2c_cli.models.scale`; shipped ones by name, a workbook's under `survey: scales:`): step 1..k with k
   the most positive, don't-know, or blank (and the scale's missing markers). A label b2c does not know is
   an error naming file, row, column and value, never dropped; a column with two labels on one step has
   more steps than its scale and is refused (never collapsed), as is a four-step column on the default
   five steps; every column's problems are reported in one run.
4. `scoring`: the rules, pure, on k steps. Item score = share of valid answers in the positive steps
   (top-2-box on the guide's five steps). Indicator score = the respondent-mean rule: each respondent with
   at least one valid answer gets the mean of those answers (a reverse-worded item mirrored) and counts as
   positive when it reaches the lowest positive step. Don't-know and blanks are counted, never in the
   denominator.
   Segments are scored per group under the disclosure rules.
5. `stats`: Wilson score intervals, Newcombe's hybrid score interval for a change, rounding half up.
6. `results`: `results/PERIOD.yaml`, aggregates only, deterministic bytes, read back strictly; every
   export of the period recorded (several are scored as one sample), and the same export is never the
   results of two periods.

What is reported from the results (estimates, changes against the base and the previous period, target
status, notes) is computed once, in `b2c_cli.figures`.
"""
