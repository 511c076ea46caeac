"""eduplans: Chinese local education work plans as data and as a searchable site.

Four parts, and the data flows one way through them:

- ``ingest``   raw documents → plan YAML files (the importer and its rules)
- ``data``     plan YAML files → validated, typed model (the plan format's home)
- ``analysis`` model → themes, indexes, comparisons (everything needing all plans)
- ``site``     model + analysis → pages, downloads, search, the built site

``data`` imports nothing from the other three; ``ingest`` and ``analysis`` import
only ``data``; ``site`` imports ``data`` and ``analysis``. ``cli`` wires them up;
``revisions`` beside it reads plans/ at git revisions for a pull request's checks.
"""
