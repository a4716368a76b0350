"""Views of the experiences room: records (public pages, PDF, editor), the savoir-faire page,
the portfolio and the attestations."""
