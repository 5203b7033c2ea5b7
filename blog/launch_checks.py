"""Launch checks about proof (see apiwise/launch_checks.py): a prospect weighing a paid Health
Check looks for past work and real people, so the site must not launch without a published
case study, nor with the demo's samples showing."""

from apiwise.launch_checks import problem, register

SAMPLE_HINT = "Replace it with real work or a real person (with their agreement), or unpublish it."


@register
def check_case_study(**kwargs):
    from blog.models import CaseStudyPage

    if CaseStudyPage.published().exclude(title=_sample_title()).exists():
        return []
    return [
        problem(
            50,
            "No case study is published: a prospect finds no past work to judge APIwise by.",
            "Pages → Case studies: publish one, with the client's permission.",
        )
    ]


@register
def check_samples_hidden(**kwargs):
    from blog.models import Author, CaseStudyPage, TeamPage

    found = []
    title = _sample_title()
    for page in CaseStudyPage.objects.live().filter(title=title):
        found.append(
            problem(51, f"The demo's sample case study is live at {page.url}.", SAMPLE_HINT)
        )
    if TeamPage.objects.live().exists():
        for person in Author.objects.filter(on_team_page=True, name=title):
            found.append(
                problem(
                    52,
                    f"The demo's sample person is on the team page (“{person.name}”).",
                    SAMPLE_HINT,
                )
            )
    return found


def _sample_title():
    from blog.models.case_study import SAMPLE_TITLE

    return SAMPLE_TITLE
