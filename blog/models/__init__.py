"""The guides' models, one module per idea:

- `taxonomy`: topics and authors (snippets);
- `base`: what every blog page shares (where the guide index and its feed are);
- `guide`: a guide (`ArticlePage`) and its related-guide picks;
- `index`: the guide index, its topic filter, pagination and feed route;
- `series`: series hubs and their parts;
- `faq`: the FAQ page;
- `case_study`: case studies and their listing;
- `team`: the team page and each person's page on it.
"""

from blog.models.base import BlogPage
from blog.models.case_study import CaseStudyGuide, CaseStudyIndexPage, CaseStudyPage
from blog.models.faq import FaqPage
from blog.models.guide import ArticlePage, RelatedGuide
from blog.models.index import GuideIndexPage
from blog.models.series import SeriesHubPage, SeriesItem
from blog.models.taxonomy import Author, Topic
from blog.models.team import TeamPage

__all__ = [
    "ArticlePage",
    "Author",
    "BlogPage",
    "CaseStudyGuide",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "FaqPage",
    "GuideIndexPage",
    "RelatedGuide",
    "SeriesHubPage",
    "SeriesItem",
    "TeamPage",
    "Topic",
]
