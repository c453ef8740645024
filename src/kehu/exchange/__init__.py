"""Exchange with other programs: Excel import and export, PDF."""
