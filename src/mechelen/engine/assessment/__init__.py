"""Assessment forms as spreadsheets: write the template, read the filled answers back."""
