"""The guides' models, one module per idea:

- `taxonomy`: topics and authors (snippets);
- `base`: what every blog page shares (where the guide index and its feed are);
- `guide`: a guide (`ArticlePage`) and its related-guide picks;
- `index`: the guide index, its topic filter, pagination and feed route;
- `series`: series hubs and their parts;
- `faq`: the FAQ page.
"""

from blog.models.base import BlogPage
from blog.models.faq import FaqPage
from blog.models.guide import ArticlePage, RelatedGuide
from blog.models.index import GuideIndexPage
from blog.models.series import SeriesHubPage, SeriesItem
from blog.models.taxonomy import Author, Topic

__all__ = [
    "ArticlePage",
    "Author",
    "BlogPage",
    "FaqPage",
    "GuideIndexPage",
    "RelatedGuide",
    "SeriesHubPage",
    "SeriesItem",
    "Topic",
]
