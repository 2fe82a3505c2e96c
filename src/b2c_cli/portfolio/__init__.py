"""`b2c portfolio ROOT`: every partnership under ROOT in one organisation-level view (ESRS S3/S4).

`build.find_partnerships` walks ROOT; `summary.summarise` sums each partnership up from one parse of its
files, with its figures from the figures layer (in parallel processes when there are many); `rollup` builds
the organisation's view - each partnership's latest value against its target, and per indicator and year
the partnerships measuring it, how many met their target and the pooled percentage - under the disclosure
rules (no value on fewer answers than the threshold, none that the others and a total would give away).
`view` is the JSON shape and the tables' cells; each format is a renderer named in `formats.py`."""
