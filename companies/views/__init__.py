"""Pages of the member organizations, one module per area."""
