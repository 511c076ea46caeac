"""eduplans: Chinese local education work plans as data and as a searchable site."""
