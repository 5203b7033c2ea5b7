"""The demo's proof pages, as data: the case study listing with one sample case study
(case-studies.yaml) and the team page with one sample person and a placeholder photo
(team.yaml, person-placeholder.png). Everything here stays hidden from visitors (draft
pages, a person not shown on the team page), so editors see the shapes and visitors see
nothing invented. Idempotent: what exists (by slug or name) is left as staff left it."""

from pathlib import Path

import yaml
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from blog.models import Author, CaseStudyGuide, CaseStudyIndexPage, CaseStudyPage, TeamPage, Topic
from blog.models.guide import ArticlePage

FOLDER = Path(__file__).parent


def read(name):
    return yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))


def load(home):
    cases = read("case-studies.yaml")
    listing = _draft_child(home, CaseStudyIndexPage, cases["listing"])
    _sample_case_study(listing, cases["sample"])
    team = read("team.yaml")
    _draft_child(home, TeamPage, team["page"])
    _sample_person(team["sample_person"])


def _draft_child(parent, page_class, fields):
    """The page under parent with that slug, made as an unpublished draft if missing."""
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing.specific
    page = page_class(**fields, live=False)
    parent.add_child(instance=page)
    page.save_revision()
    return page


def _sample_case_study(listing, data):
    if not isinstance(listing, CaseStudyIndexPage):
        return  # staff put something else at /case-studies/
    fields = {key: value for key, value in data.items() if key not in {"systems", "related"}}
    fields["outcomes"] = [("outcome", outcome) for outcome in data["outcomes"]]
    if listing.get_children().filter(slug=fields["slug"]).exists():
        return
    page = CaseStudyPage(**fields, live=False)
    page.systems = list(Topic.objects.filter(slug__in=data["systems"]))
    guides = ArticlePage.objects.filter(slug__in=data["related"])
    page.guide_links = [CaseStudyGuide(guide=guide, sort_order=n) for n, guide in enumerate(guides)]
    listing.add_child(instance=page)
    page.save_revision()


def _sample_person(data):
    if Author.objects.filter(name=data["name"]).exists():
        return
    fields = {key: value for key, value in data.items() if key != "photo"}
    Author.objects.create(**fields, photo=_placeholder_photo(data["photo"]), on_team_page=False)


def _placeholder_photo(data):
    Image = get_image_model()
    existing = Image.objects.filter(title=data["title"]).first()
    if existing is not None:
        return existing
    path = FOLDER / data["file"]
    with path.open("rb") as handle:
        image = Image(
            title=data["title"],
            description=data["description"],
            file=ImageFile(handle, name=path.name),
        )
        focus = data["focal_point"]
        image.focal_point_x, image.focal_point_y = focus["x"], focus["y"]
        image.focal_point_width, image.focal_point_height = focus["width"], focus["height"]
        image.save()
    return image
