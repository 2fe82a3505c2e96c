"""What b2c reports, computed once (DESIGN.md §3): per indicator and period the estimate, the changes
against the base and the previous period, the target status, and the notes. Every output renders these
values; none computes a figure of its own."""
