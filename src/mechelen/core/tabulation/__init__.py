"""Statistical tables with hierarchies, margins and the linear relations between their cells."""
