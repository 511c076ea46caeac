"""Site: the model and the analysis enter; Markdown pages, downloads and the built
MkDocs site leave. Imports ``generator.data`` and ``generator.analysis``; only ``cli``
and the MkDocs hook ``live`` import it.

``settings`` makes the one frozen ``SiteSettings`` (mkdocs.yml, the atlas's
eduplans.yml, git history) every page is rendered with; ``urls`` is the one authority
on page paths, public URLs and generated locations;
``labels`` holds the site's wording; ``views/`` builds frozen view objects per page
family; ``render`` + ``templates/`` turn them into escaped Markdown; ``pages`` renders
every page and download; ``build`` writes docs/, runs MkDocs and swaps in site/;
``search`` writes the static search index the search page loads in pieces
(``docs/assets/js/`` is its browser side); ``export`` writes the dataset.
"""
